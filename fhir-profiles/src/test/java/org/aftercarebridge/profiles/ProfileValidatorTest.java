package org.aftercarebridge.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import org.aftercarebridge.profiles.AftercareProfiles;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProfileValidatorTest {

  private static final FhirContext FHIR = AftercareProfiles.newFhirContext();
  private static ProfileValidator validator;

  @BeforeAll
  static void buildValidator() {
    validator = ProfileValidator.create(FHIR);
  }

  private static Bundle example() {
    return FHIR.newJsonParser()
        .parseResource(Bundle.class, AftercareProfiles.classpathText(AftercareProfiles.DISCHARGE_EXAMPLE));
  }

  private static ValidationReport validate(Bundle bundle) {
    return validator.validate(FHIR.newJsonParser().encodeResourceToString(bundle), AftercareProfiles.DISCHARGE_NOTIFICATION);
  }

  private static String errors(ValidationReport report) {
    return report.errorSummary();
  }

  @Test
  void theDaVinciDischargeExampleIsValid() {
    ValidationReport report = validate(example());
    assertThat(report.hasErrors()).as(report.errorSummary()).isFalse();
  }

  @Test
  void claimedProfilesWeDoNotShipAreReportedAsWarnings() {
    OperationOutcome outcome = validate(example()).toOperationOutcome();
    assertThat(outcome.getIssue())
        .anySatisfy(
            issue -> {
              assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.WARNING);
              assertThat(issue.getDiagnostics()).contains("us-core-patient");
            });
  }

  @Test
  void aDischargeWithoutDischargeTimeIsRejectedNamingTheRule() {
    Bundle bundle = example();
    bundle.getEntry().stream()
        .map(Bundle.BundleEntryComponent::getResource)
        .filter(Encounter.class::isInstance)
        .map(Encounter.class::cast)
        .forEach(encounter -> encounter.getPeriod().setEndElement(null));
    ValidationReport report = validate(bundle);
    assertThat(report.hasErrors()).isTrue();
    assertThat(errors(report)).contains("acb-disch-2");
    OperationOutcome.OperationOutcomeIssueComponent first = report.toOperationOutcome().getIssueFirstRep();
    assertThat(first.getSeverity()).as("errors come first").isEqualTo(OperationOutcome.IssueSeverity.ERROR);
    assertThat(errors(report)).as("the Encounter's own rule too").contains("acb-enc-1");
  }

  @Test
  void aTransactionBundleIsNotANotification() {
    Bundle bundle = example().setType(Bundle.BundleType.COLLECTION);
    assertThat(errors(validate(bundle))).contains("Bundle.type");
  }

  @Test
  void aMessageWithoutTimestampIsRejectedAtItsLocation() {
    Bundle bundle = example();
    bundle.setTimestampElement(null);
    assertThat(errors(validate(bundle))).contains("Bundle").contains("timestamp");
  }

  @Test
  void baseR4RulesStillApply() {
    Bundle bundle = example();
    bundle.getEntry().stream()
        .map(Bundle.BundleEntryComponent::getResource)
        .filter(Encounter.class::isInstance)
        .map(Encounter.class::cast)
        .forEach(encounter -> encounter.setStatus(null));
    assertThat(errors(validate(bundle))).contains("Encounter.status");
  }

  @Test
  void anElementFhirDoesNotHaveIsAnErrorNotSilentlyDropped() {
    String text =
        AftercareProfiles.classpathText(AftercareProfiles.DISCHARGE_EXAMPLE)
            .replace("\"status\": \"finished\"", "\"status\": \"finished\", \"dischargedTo\": \"home\"");
    assertThat(text).contains("dischargedTo");
    ValidationReport report = validator.validate(text, AftercareProfiles.DISCHARGE_NOTIFICATION);
    assertThat(report.errorSummary()).contains("dischargedTo");
  }

  @Test
  void xmlIsValidatedToo() {
    String xml = FHIR.newXmlParser().encodeResourceToString(example().setType(Bundle.BundleType.COLLECTION));
    assertThat(validator.validate(xml, AftercareProfiles.DISCHARGE_NOTIFICATION).errorSummary()).contains("Bundle.type");
  }

  @Test
  void warmUpValidatesTheShippedExample() {
    validator.warmUp();
  }
}
