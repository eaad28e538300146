package org.aftercarebridge.integration.intake;

import java.util.List;
import org.aftercarebridge.profiles.AftercareProfiles;
import org.aftercarebridge.referral.SourceMessage;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Patient;

/**
 * A notification message as the pipeline needs it: who sent it, which event it announces, and for a
 * discharge the Encounter, the Patient and the diagnoses that came with it.
 *
 * @param encounter the focus Encounter, or null when the message does not have one
 * @param patient the Encounter's subject, or null when the message does not have one
 */
public record DischargeNotification(
    SourceMessage source,
    MessageHeader header,
    Encounter encounter,
    Patient patient,
    List<Condition> conditions) {

  public DischargeNotification {
    conditions = List.copyOf(conditions);
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
