package org.aftercarebridge.integration.intake.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.hl7v2.model.Message;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import org.aftercarebridge.integration.intake.DischargeNotification;
import org.aftercarebridge.integration.intake.NotificationBundleToDischargeMapper;
import org.aftercarebridge.profiles.AftercareProfiles;
import org.aftercarebridge.profiles.ProfileValidator;
import org.aftercarebridge.profiles.ValidationReport;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Enumerations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AdtToFhirMessageMapperTest {

  private final AdtToFhirMessageMapper mapper = new AdtToFhirMessageMapper(ZoneId.of("America/New_York"));

  static String text(String name) {
    try (InputStream in = AdtToFhirMessageMapperTest.class.getResourceAsStream("/hl7v2/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private DischargeNotification discharge(String text) throws Exception {
    Message message = AdtToFhirMessageMapper.read(text);
    assertThat(AdtToFhirMessageMapper.isDischarge(message)).isTrue();
    return new NotificationBundleToDischargeMapper().read(mapper.toFhirMessage(message), "mllp");
  }

  @ParameterizedTest(name = "HL7 v{0}")
  @ValueSource(strings = {"2.3", "2.3.1", "2.4", "2.5", "2.5.1", "2.6", "2.7", "2.8"})
  void everyVersionMapsToTheSameDischarge(String version) throws Exception {
    DischargeNotification discharge = discharge(text("adt-a03-v" + version + ".hl7"));

    assertThat(discharge.isDischarge()).isTrue();
    assertThat(discharge.patient().getNameFirstRep().getFamily()).isEqualTo("Halvorson");
    assertThat(discharge.patient().getNameFirstRep().getGivenAsSingleString()).isEqualTo("Maria");
    assertThat(discharge.patient().getGender()).isEqualTo(Enumerations.AdministrativeGender.FEMALE);
    assertThat(discharge.patient().getBirthDateElement().getValueAsString()).isEqualTo("1975-03-12");
    assertThat(discharge.patient().getIdentifierFirstRep().getValue()).isEqualTo("MRN-1042");
    assertThat(discharge.patient().getAddressFirstRep().getCity()).isEqualTo("Methuen");
    assertThat(discharge.patient().getTelecomFirstRep().getValue()).contains("555").contains("1143");
    assertThat(discharge.patient().getCommunicationFirstRep().getLanguage().getCodingFirstRep().getCode()).isEqualTo("en");
    assertThat(discharge.dischargedAt()).isEqualTo("2018-10-24T09:22:15Z");
    assertThat(discharge.encounter().getHospitalization().getDischargeDisposition().getCodingFirstRep().getCode()).isEqualTo("07");
    assertThat(discharge.encounter().getIdentifierFirstRep().getValue()).isEqualTo("VN-88812");
    assertThat(discharge.conditions()).extracting(c -> c.getCode().getCodingFirstRep().getSystem() + "|" + c.getCode().getCodingFirstRep().getCode())
        .containsExactly("http://hl7.org/fhir/sid/icd-10-cm|F10.20", "http://hl7.org/fhir/sid/icd-10-cm|F11.20");
    assertThat(discharge.source().sender()).isEqualTo("mllp|urn:hl7v2:RIVERBEND%20RECOVERY%20CENTER:RIVERBEND-EHR");
    assertThat(discharge.consents()).isEmpty();
  }

  @Test
  void leavingAgainstMedicalAdviceInPv1Dash36MakesTheReferralUrgent() throws Exception {
    DischargeNotification discharge = discharge(text("adt-a03-v2.5.1.hl7"));
    assertThat(org.aftercarebridge.integration.referral.DischargeToReferralMapper.priority(discharge.encounter())).isEqualTo("urgent");
  }

  @Test
  void theSameMessageAlwaysHasTheSameIdsSoACopyIsADuplicate() throws Exception {
    String text = text("adt-a03-v2.6.hl7");
    assertThat(discharge(text).source()).isEqualTo(discharge(text).source());
    assertThat(discharge(text).source()).isNotEqualTo(discharge(text.replace("V26-0001", "V26-0002")).source());
  }

  @Test
  void whatTheMapperMakesConformsToOurDischargeProfile() throws Exception {
    FhirContext fhir = AftercareProfiles.newFhirContext();
    Bundle bundle = mapper.toFhirMessage(AdtToFhirMessageMapper.read(text("adt-a03-v2.8.hl7")));
    ValidationReport report = ProfileValidator.create(fhir).validate(fhir.newJsonParser().encodeResourceToString(bundle), AftercareProfiles.DISCHARGE_NOTIFICATION);
    assertThat(report.hasErrors()).as(report.errorSummary()).isFalse();
  }

  @Test
  void aDischargeWithoutItsTimeIsRefusedNamingTheField() throws Exception {
    String noTime = text("adt-a03-v2.5.1.hl7").replace("|20181024052215-0400", "");
    assertThatThrownBy(() -> mapper.toFhirMessage(AdtToFhirMessageMapper.read(noTime)))
        .isInstanceOf(AdtRefusal.class)
        .satisfies(e -> assertThat(((AdtRefusal) e).field()).isEqualTo("PV1-45"));
    String noName = text("adt-a03-v2.5.1.hl7").replace("Halvorson^Maria^J^^^^L", "");
    assertThatThrownBy(() -> mapper.toFhirMessage(AdtToFhirMessageMapper.read(noName)))
        .satisfies(e -> assertThat(((AdtRefusal) e).field()).isEqualTo("PID-5"));
  }

  @Test
  void otherEventsAreNotDischarges() throws Exception {
    assertThat(AdtToFhirMessageMapper.isDischarge(AdtToFhirMessageMapper.read(text("adt-a01-v2.5.1.hl7")))).isFalse();
  }
}
