package org.aftercarebridge.integration.intake;

import java.time.Instant;
import java.util.List;
import org.aftercarebridge.profiles.AftercareProfiles;
import org.aftercarebridge.referral.SourceMessage;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;

/**
 * A notification message as the pipeline needs it: who sent it, which event it announces, and for a
 * discharge the Encounter, the Patient, the diagnoses and the aftercare preferences that came with it.
 *
 * @param encounter the focus Encounter, or null when the message does not have one
 * @param patient the Encounter's subject, or null when the message does not have one
 * @param preferences the Patient's latest answers to our aftercare-preferences Questionnaire, or null
 * @param dischargeLocation where the Encounter took place, or null
 * @param consents the Patient's consents that came with the message (42 CFR Part 2 decides with them)
 * @param message the message as received, kept when the referral must wait for a consent
 */
public record DischargeNotification(
    SourceMessage source,
    MessageHeader header,
    Encounter encounter,
    Patient patient,
    List<Condition> conditions,
    QuestionnaireResponse preferences,
    Location dischargeLocation,
    List<Consent> consents,
    Bundle message) {

  public DischargeNotification {
    conditions = List.copyOf(conditions);
    consents = List.copyOf(consents);
  }

  /** The same discharge as received from {@code original} (a held message read again). */
  public DischargeNotification withSource(SourceMessage original) {
    return new DischargeNotification(
        original, header, encounter, patient, conditions, preferences, dischargeLocation, consents, message);
  }

  /** When the Encounter ended, or null when the message does not say. */
  public Instant dischargedAt() {
    return encounter == null || !encounter.getPeriod().hasEnd() ? null : encounter.getPeriod().getEnd().toInstant();
  }

  public Coding event() {
    return header.getEventCoding();
  }

  /** True for a Da Vinci {@code notification-discharge}: the event that starts aftercare. */
  public boolean isDischarge() {
    return AftercareProfiles.NOTIFICATION_EVENT_SYSTEM.equals(event().getSystem())
        && AftercareProfiles.NOTIFICATION_DISCHARGE.equals(event().getCode());
  }
}
