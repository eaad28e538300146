package org.aftercarebridge.integration.intake;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import org.aftercarebridge.profiles.AftercareProfiles;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
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
  void aDischargeWhoseEncounterSubjectIsNotInTheBundleIsUnprocessable() {
    Bundle bundle = example();
    bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(org.hl7.fhir.r4.model.Encounter.class::isInstance).map(org.hl7.fhir.r4.model.Encounter.class::cast)
        .findFirst().orElseThrow().getSubject().setReference("urn:uuid:00000000-0000-0000-0000-000000000000");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> mapper.read(bundle, "clinic-ehr"))
        .isInstanceOf(ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException.class)
        .hasMessageContaining("Encounter).subject: does not resolve to a Patient in the Bundle");
  }

  @Test
  void anAdmitIsNotADischarge() {
    Bundle bundle = example();
    ((MessageHeader) bundle.getEntryFirstRep().getResource())
        .setEvent(new Coding(AftercareProfiles.NOTIFICATION_EVENT_SYSTEM, "notification-admit", null));
    assertThat(mapper.read(bundle, "clinic-ehr").isDischarge()).isFalse();
  }

  @Test
  void readsThePreferencesAnswersAndWhereAndWhenTheStayEnded() {
    Bundle bundle = example();
    QuestionnaireResponse older = preferences("2026-10-01T10:00:00Z");
    QuestionnaireResponse latest = preferences("2026-10-28T10:00:00Z");
    QuestionnaireResponse draft = preferences("2026-10-29T10:00:00Z").setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.INPROGRESS);
    QuestionnaireResponse otherQuestionnaire = preferences("2026-10-30T10:00:00Z").setQuestionnaire("https://example.org/Questionnaire/phq-9");
    for (QuestionnaireResponse response : new QuestionnaireResponse[] {older, latest, draft, otherQuestionnaire}) {
      bundle.addEntry().setFullUrl("urn:uuid:" + java.util.UUID.randomUUID()).setResource(response);
    }

    DischargeNotification discharge = mapper.read(bundle, "clinic-ehr");

    assertThat(discharge.preferences()).isSameAs(latest);
    assertThat(discharge.dischargeLocation().getPosition().getLatitude().doubleValue()).isEqualTo(42.742751);
    assertThat(discharge.dischargedAt()).isEqualTo("2018-10-24T05:22:15Z");
  }

  private static QuestionnaireResponse preferences(String authored) {
    QuestionnaireResponse response = new QuestionnaireResponse();
    response.setQuestionnaire(AftercareProfiles.PREFERENCES_QUESTIONNAIRE + "|0.1.0");
    response.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
    response.setSubject(new org.hl7.fhir.r4.model.Reference("urn:uuid:06e1f0dd-5fbe-4480-9bb4-6b54ec02d31b"));
    response.setAuthoredElement(new org.hl7.fhir.r4.model.DateTimeType(authored));
    return response;
  }

}
