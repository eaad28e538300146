package org.aftercarebridge.integration.intake;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import org.aftercarebridge.integration.referral.DischargeToPersonMapper;
import org.aftercarebridge.matching.Person;
import org.aftercarebridge.matching.Substance;
import org.aftercarebridge.profiles.AftercareProfiles;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MessageHeader;
import org.junit.jupiter.api.Test;

class NotificationBundleToDischargeMapperTest {

  private static final FhirContext FHIR = AftercareProfiles.newFhirContext();
  private final NotificationBundleToDischargeMapper mapper = new NotificationBundleToDischargeMapper();

  private static Bundle example() {
    return FHIR.newJsonParser()
        .parseResource(Bundle.class, AftercareProfiles.classpathText(AftercareProfiles.DISCHARGE_EXAMPLE));
  }

  @Test
  void readsTheFocusEncounterItsPatientAndTheirConditionsByFullUrl() {
    DischargeNotification discharge = mapper.read(example(), "clinic-ehr");

    assertThat(discharge.isDischarge()).isTrue();
    assertThat(discharge.encounter().getIdElement().getIdPart()).isEqualTo("5fe62cd5-bfcf-4d3b-a1e9-80d6f75d6f82");
    assertThat(discharge.patient().getNameFirstRep().getFamily()).isEqualTo("Halvorson124");
    assertThat(discharge.conditions()).hasSize(1);
    assertThat(discharge.source().sender()).isEqualTo("clinic-ehr|https://example.org/Endpoints/P456");
    assertThat(discharge.source().bundleId()).isEqualTo("discharge-notification-message-bundle-01");
    assertThat(discharge.source().messageHeaderId()).isEqualTo("df0bb058-e0bb-11ea-a11a-864d2e68a322");
  }

  @Test
  void resolvesRelativeReferencesToo() {
    Bundle bundle = example();
    MessageHeader header = (MessageHeader) bundle.getEntryFirstRep().getResource();
    header.getFocusFirstRep().setReference("Encounter/5fe62cd5-bfcf-4d3b-a1e9-80d6f75d6f82");
    assertThat(mapper.read(bundle, "clinic-ehr").encounter()).isNotNull();
  }

  @Test
  void anAdmitIsNotADischarge() {
    Bundle bundle = example();
    ((MessageHeader) bundle.getEntryFirstRep().getResource())
        .setEvent(new Coding(AftercareProfiles.NOTIFICATION_EVENT_SYSTEM, "notification-admit", null));
    assertThat(mapper.read(bundle, "clinic-ehr").isDischarge()).isFalse();
  }

  @Test
  void thePersonForMatchingHasSubstancesFromIcd10LanguageAndHome() {
    Bundle bundle = example();
    bundle.getEntry().stream()
        .map(Bundle.BundleEntryComponent::getResource)
        .filter(Condition.class::isInstance)
        .map(Condition.class::cast)
        .forEach(c -> c.getCode().addCoding(new Coding("http://hl7.org/fhir/sid/icd-10-cm", "F11.20", null)));

    Person person = new DischargeToPersonMapper().toPerson(mapper.read(bundle, "clinic-ehr"));

    assertThat(person.substances()).containsExactly(Substance.OPIOIDS);
    assertThat(person.language()).isEqualTo("en");
    assertThat(person.home().latitude()).isEqualTo(42.757779285956644);
  }
}
