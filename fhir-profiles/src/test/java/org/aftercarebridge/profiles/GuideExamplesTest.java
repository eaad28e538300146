package org.aftercarebridge.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every profile of the guide accepts its valid examples and rejects its invalid one at the expected
 * place: the build fails when an example and its profile drift apart.
 */
class GuideExamplesTest {

  private static final FhirContext FHIR = AftercareProfiles.newFhirContext();
  private static ProfileValidator validator;

  /** Invalid example, the profile it breaks, where the problem is reported, and what it says. */
  record Invalid(String file, String profile, String location, String message) {}

  static final List<Invalid> INVALID =
      List.of(
          new Invalid("Bundle-discharge-without-patient.json", AftercareProfiles.DISCHARGE_NOTIFICATION, "Bundle", "acb-disch-3"),
          new Invalid("MessageHeader-without-focus.json", AftercareProfiles.NOTIFICATION_MESSAGE_HEADER, "MessageHeader", "MessageHeader.focus"),
          new Invalid("Encounter-finished-without-end.json", AftercareProfiles.NOTIFICATION_ENCOUNTER, "Encounter", "acb-enc-1"),
          new Invalid("Patient-without-name.json", AftercareProfiles.NOTIFICATION_PATIENT, "Patient", "Patient.name"),
          new Invalid("Condition-without-encounter.json", AftercareProfiles.SUD_CONDITION, "Condition", "Condition.encounter"),
          new Invalid("ServiceRequest-without-security-labels.json", AftercareProfiles.REFERRAL_SERVICE_REQUEST, "ServiceRequest", "acb-ds4p-1"),
          new Invalid("Task-with-status-ready.json", AftercareProfiles.REFERRAL_TASK, "Task.status", "ready"),
          new Invalid("HealthcareService-with-telecom.json", AftercareProfiles.PEER_SUPPORT_GROUP, "HealthcareService", "HealthcareService.telecom"),
          new Invalid("Location-without-position.json", AftercareProfiles.PEER_SUPPORT_LOCATION, "Location", "Location.position"),
          new Invalid("QuestionnaireResponse-in-progress.json", AftercareProfiles.PREFERENCES_RESPONSE, "QuestionnaireResponse.status", "in-progress"),
          new Invalid("Consent-without-expiry.json", AftercareProfiles.PART2_CONSENT, "Consent.provision.period", "Consent.provision.period.end"),
          new Invalid("Task-follow-up-without-due-date.json", AftercareProfiles.FOLLOW_UP_TASK, "Task", "Task.restriction"),
          new Invalid("AuditEvent-without-outcome.json", AftercareProfiles.AUDIT_EVENT, "AuditEvent", "AuditEvent.outcome"),
          new Invalid("Observation-enrollment-without-group.json", AftercareProfiles.ENROLLMENT_STATUS, "Observation", "Observation.focus"));

  @BeforeAll
  static void buildValidator() {
    validator = ProfileValidator.create(FHIR);
  }

  private static Set<String> profiles() {
    return AftercareProfiles.conformanceResources(FHIR).stream()
        .filter(StructureDefinition.class::isInstance)
        .map(StructureDefinition.class::cast)
        .filter(definition -> !"Extension".equals(definition.getType())) // exercised inside the examples
        .map(StructureDefinition::getUrl)
        .collect(Collectors.toSet());
  }

  @TestFactory
  Stream<DynamicTest> everyExampleConformsToTheProfilesItClaims() {
    return AftercareProfiles.examples(FHIR).stream()
        .flatMap(example -> ((Resource) example).getMeta().getProfile().stream()
            .map(profile -> DynamicTest.dynamicTest(
                example.getIdElement().getIdPart() + " ⊨ " + profile.getValue(),
                () -> {
                  ValidationReport report = validator.validate(FHIR.newJsonParser().encodeResourceToString(example), profile.getValue());
                  assertThat(report.hasErrors()).as(report.errorSummary()).isFalse();
                })));
  }

  @Test
  void everyProfileHasAValidAndAnInvalidExample() {
    Set<String> withValidExample =
        AftercareProfiles.examples(FHIR).stream()
            .flatMap(e -> ((Resource) e).getMeta().getProfile().stream().map(p -> p.getValue()))
            .collect(Collectors.toSet());
    withValidExample.add(AftercareProfiles.DISCHARGE_NOTIFICATION); // the real Da Vinci example, below
    assertThat(withValidExample).containsAll(profiles());
    assertThat(INVALID.stream().map(Invalid::profile).collect(Collectors.toSet())).containsAll(profiles());
  }

  @Test
  void theRealDaVinciDischargeExampleWithUsCoreExtensionsIsAccepted() {
    ValidationReport report =
        validator.validate(AftercareProfiles.classpathText(AftercareProfiles.DISCHARGE_EXAMPLE), AftercareProfiles.DISCHARGE_NOTIFICATION);
    assertThat(report.hasErrors()).as(report.errorSummary()).isFalse();
  }

  @TestFactory
  Stream<DynamicTest> everyInvalidExampleIsRejectedWhereItIsWrong() {
    return INVALID.stream()
        .map(invalid -> DynamicTest.dynamicTest(invalid.file(), () -> {
          String text = new String(
              GuideExamplesTest.class.getResourceAsStream("/invalid-examples/" + invalid.file()).readAllBytes(),
              java.nio.charset.StandardCharsets.UTF_8);
          ValidationReport report = validator.validate(text, invalid.profile());
          assertThat(report.hasErrors()).as(invalid.file() + " must fail").isTrue();
          OperationOutcome.OperationOutcomeIssueComponent first = report.toOperationOutcome().getIssueFirstRep();
          assertThat(first.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
          assertThat(first.getExpression())
              .as(report.errorSummary())
              .anySatisfy(e -> assertThat(e.getValue()).startsWith(invalid.location()));
          assertThat(report.errorSummary()).contains(invalid.message());
        }));
  }

}
