package org.aftercarebridge.integration.referral;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.aftercarebridge.directory.DirectoryGroup;
import org.aftercarebridge.directory.DirectorySnapshot;
import org.aftercarebridge.referral.Rerouting;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * When a group declines: the next group matching offered that is still active gets a new Task
 * (Gravity's broker pattern, option H), up to {@code maxGroupTries} groups; after that, or when none
 * is left, a coordinator is asked to choose a group by hand.
 */
public final class ReferralRerouter implements Rerouting {

  private final DirectorySnapshot directory;
  private final DischargeToReferralMapper mapper;
  private final ReferralSettings settings;
  private final Clock clock;

  public ReferralRerouter(DirectorySnapshot directory, DischargeToReferralMapper mapper, ReferralSettings settings, Clock clock) {
    this.directory = directory;
    this.mapper = mapper;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public Handover afterDecline(Declined declined) {
    Instant now = clock.instant();
    ServiceRequest request = declined.serviceRequest().copy();
    request.getPerformer().clear();
    Optional<DirectoryGroup> next = declined.attempts() >= settings.maxGroupTries()
        ? Optional.empty()
        : declined.untriedGroupIds().stream().map(directory::group).flatMap(Optional::stream).filter(DirectoryGroup::active).findFirst();
    if (next.isPresent()) {
      DirectoryGroup group = next.get();
      Task task = mapper.nextGroupTask(declined.task(), group, now);
      request.addPerformer(new Reference("HealthcareService/" + group.id()).setDisplay(group.name()));
      return new Handover(task, mapper.announcement(task, request, declined.patient(), List.of(group), declined.patientKey(), group.region(), now),
          group.id(), group.program(), group.region(), request);
    }
    Task choose = mapper.chooseGroupTask(declined.task(), declined.attempts(), settings.chooseGroupWithin(), now);
    return new Handover(choose,
        mapper.announcement(choose, request, declined.patient(), List.of(), declined.patientKey(), settings.unassignedRegion(), now),
        null, null, settings.unassignedRegion(), request);
  }
}
