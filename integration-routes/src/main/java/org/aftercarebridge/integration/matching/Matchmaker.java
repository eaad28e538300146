package org.aftercarebridge.integration.matching;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.aftercarebridge.directory.DirectorySnapshot;
import org.aftercarebridge.integration.intake.DischargeNotification;
import org.aftercarebridge.integration.referral.MatchedDischarge;
import org.aftercarebridge.integration.referral.MatchedGroup;
import org.aftercarebridge.matching.GeoPoint;
import org.aftercarebridge.matching.MatchResult;
import org.aftercarebridge.matching.PeerGroupMatcher;
import org.aftercarebridge.matching.Person;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;

/**
 * Matches a person against the in-memory directory: for a discharge (the pipeline) and for a
 * preview ({@code $match-peer-groups}). Meetings count from discharge, or from now when the news
 * arrives after the discharge.
 */
public final class Matchmaker {

  private final DirectorySnapshot directory;
  private final PeerGroupMatcher matcher;
  private final PersonFromFhir personFromFhir;
  private final Clock clock;

  public Matchmaker(DirectorySnapshot directory, PeerGroupMatcher matcher, PersonFromFhir personFromFhir, Clock clock) {
    this.directory = directory;
    this.matcher = matcher;
    this.personFromFhir = personFromFhir;
    this.clock = clock;
  }

  public MatchedDischarge match(DischargeNotification discharge) {
    Instant now = clock.instant();
    Instant discharged = discharge.dischargedAt();
    Person person =
        personFromFhir.toPerson(
            discharge.patient(),
            discharge.conditions(),
            discharge.preferences(),
            PersonFromFhir.position(discharge.dischargeLocation()).orElse(null),
            discharged == null || discharged.isBefore(now) ? now : discharged);
    MatchResult result = matcher.match(person, directory.index());
    return new MatchedDischarge(discharge, groups(result), result.summary(), result.requirementsMet(), PreferencesSummary.of(person));
  }

  /** A preview: what would be offered now; {@code near}, when given, is where to search from. */
  public MatchResult preview(
      Patient patient, List<Condition> conditions, QuestionnaireResponse preferences, GeoPoint near, Integer count) {
    Person person = personFromFhir.toPerson(patient, conditions, preferences, null, clock.instant());
    if (near != null) {
      person = person.withHome(near);
    }
    return count == null ? matcher.match(person, directory.index()) : matcher.match(person, directory.index(), count);
  }

  /** A matched group with its directory entry (the directory may have changed since the index was built). */
  public List<MatchedGroup> groups(MatchResult result) {
    return result.matches().stream()
        .flatMap(match -> directory.group(match.group().id()).map(group -> new MatchedGroup(group, match)).stream())
        .toList();
  }
}
