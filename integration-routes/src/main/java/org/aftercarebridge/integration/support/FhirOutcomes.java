package org.aftercarebridge.integration.support;

import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/** The OperationOutcomes the intake answers with when it accepts a message. */
public final class FhirOutcomes {

  private FhirOutcomes() {}

  public static OperationOutcome information(String text) {
    OperationOutcome outcome = new OperationOutcome();
    outcome
        .addIssue()
        .setSeverity(IssueSeverity.INFORMATION)
        .setCode(IssueType.INFORMATIONAL)
        .getDetails()
        .setText(text);
    return outcome;
  }
}
