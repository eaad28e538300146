package org.aftercarebridge.integration.intake.v2;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MessageHeader;

/**
 * Whatever arrives on the MLLP port, reading and mapping it ends in one of three ways: a FHIR
 * message Bundle, an {@link AdtRefusal} naming a field (AE), or an {@link HL7Exception} (AR).
 * Anything else would be answered "AE, send it again" and have the sender retry a message that can
 * never succeed. Seeds: {@code AdtToFhirMessageMapperFuzzTestInputs/adtMessage}; {@code JAZZER_FUZZ=1} fuzzes.
 */
class AdtToFhirMessageMapperFuzzTest {

  private static final AdtToFhirMessageMapper MAPPER = new AdtToFhirMessageMapper(ZoneId.of("America/New_York"));

  @FuzzTest(maxDuration = "2m")
  void adtMessage(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    try {
      Message message = AdtToFhirMessageMapper.read(text);
      if (AdtToFhirMessageMapper.isDischarge(message)) {
        Bundle bundle = MAPPER.toFhirMessage(message);
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.MESSAGE);
        assertThat(bundle.getEntryFirstRep().getResource()).isInstanceOf(MessageHeader.class);
      }
    } catch (AdtRefusal | HL7Exception expected) {
      // AE naming the field, or AR
    }
  }
}
