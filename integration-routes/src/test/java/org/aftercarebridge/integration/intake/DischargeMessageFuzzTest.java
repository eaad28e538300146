package org.aftercarebridge.integration.intake;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.aftercarebridge.profiles.AftercareProfiles;
import org.aftercarebridge.profiles.ProfileValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;

/**
 * FHIR intake as {@code $process-message} runs it — parse, validate as sent against the discharge
 * notification profile, read — ends for any body in a parse error (400), a validation report (422),
 * or a notification with its sender and ids: never in an exception nobody anticipated (500).
 * Seeds: {@code DischargeMessageFuzzTestInputs/notificationMessage}; {@code JAZZER_FUZZ=1} fuzzes.
 */
class DischargeMessageFuzzTest {

  private static final FhirContext FHIR = AftercareProfiles.newFhirContext();
  private static final ProfileValidation VALIDATION = new ProfileValidation(FHIR, ProfileValidator.create(FHIR), true);
  private static final NotificationBundleToDischargeMapper MAPPER = new NotificationBundleToDischargeMapper();

  @FuzzTest(maxDuration = "2m")
  void notificationMessage(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    IBaseResource resource;
    try {
      resource = (text.stripLeading().startsWith("<") ? FHIR.newXmlParser() : FHIR.newJsonParser()).parseResource(text);
    } catch (DataFormatException unparseable) {
      return; // 400
    }
    if (!(resource instanceof Bundle message)) {
      return; // 400: not a message Bundle
    }
    try {
      VALIDATION.requireValid(text, AftercareProfiles.DISCHARGE_NOTIFICATION);
    } catch (UnprocessableEntityException invalid) {
      return; // 422
    }
    DischargeNotification notification;
    try {
      notification = MAPPER.read(message, "fuzz-client");
    } catch (UnprocessableEntityException unresolvable) {
      return; // 422: e.g. the Encounter's subject is not a Patient in the Bundle
    }
    assertThat(notification.source().bundleId()).isNotBlank();
    assertThat(notification.source().messageHeaderId()).isNotBlank();
    if (notification.isDischarge()) {
      assertThat(notification.encounter()).isNotNull();
      assertThat(notification.patient()).isNotNull();
    }
  }
}
