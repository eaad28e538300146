package org.aftercarebridge.referral;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * A new aftercare referral: the FHIR resources that make it up, the facts we query it by, the
 * message it came from and the announcement that goes to the coordinators' queue.
 *
 * @param patientKey pseudonymous, stable key of the person (never an identifier from the source)
 * @param groupId the matched peer group, or null when nothing matched and a coordinator must choose
 * @param program the matched group's program, or null
 * @param offeredGroupIds the groups matching offered, best first: the next is asked when one declines
 * @param consent the 42 CFR Part 2 consent that covers announcing it; null while it is held for one
 * @param announcement what goes to the coordinators' queue; null while the referral is held
 * @param held the message kept to resume from once a consent arrives; null when not held
 */
public record Referral(
    String id,
    SourceMessage source,
    String patientKey,
    String region,
    String groupId,
    String program,
    Instant dischargedAt,
    Patient patient,
    ServiceRequest serviceRequest,
    Task task,
    Announcement announcement,
    List<String> offeredGroupIds,
    Consent consent,
    HeldMessage held) {

  public Referral {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(patientKey, "patientKey");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(patient, "patient");
    Objects.requireNonNull(serviceRequest, "serviceRequest");
    Objects.requireNonNull(task, "task");
    if ((announcement == null) == (held == null)) {
      throw new IllegalArgumentException("a referral is either announced or held for consent");
    }
    offeredGroupIds = List.copyOf(offeredGroupIds);
  }

  /** A discharge message kept, unannounced, until a consent covers it. */
  public record HeldMessage(String messageJson) {}

  public String taskId() {
    return task.getIdElement().getIdPart();
  }
}
