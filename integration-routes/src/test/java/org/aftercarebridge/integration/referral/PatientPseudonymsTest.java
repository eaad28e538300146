package org.aftercarebridge.integration.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

class PatientPseudonymsTest {

  private static Patient patient(String mrn) {
    Patient patient = new Patient();
    patient.addIdentifier().setSystem("urn:ssn").setValue("999-00-1111");
    patient
        .addIdentifier()
        .setSystem("urn:mrn")
        .setValue(mrn)
        .setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v2-0203", "MR", null)));
    return patient;
  }

  @Test
  void theSamePersonFromTheSameSenderAlwaysGetsTheSameKeyAndOthersDoNot() {
    PatientPseudonyms pseudonyms = new PatientPseudonyms("a-test-key-of-sufficient-length");
    String key = pseudonyms.keyOf("clinic", patient("MRN-1"));

    assertThat(pseudonyms.keyOf("clinic", patient("MRN-1"))).isEqualTo(key);
    assertThat(pseudonyms.keyOf("clinic", patient("MRN-2"))).isNotEqualTo(key);
    assertThat(pseudonyms.keyOf("other-clinic", patient("MRN-1"))).isNotEqualTo(key);
    assertThat(new PatientPseudonyms("another-key-of-sufficient-length").keyOf("clinic", patient("MRN-1")))
        .isNotEqualTo(key);
    assertThat(key).hasSize(32).doesNotContain("MRN");
  }

  @Test
  void refusesAWeakKey() {
    assertThatThrownBy(() -> new PatientPseudonyms("short")).isInstanceOf(IllegalArgumentException.class);
  }
}
