package org.aftercarebridge.integration.support;

import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/** The OperationOutcomes the intake answers with. */
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

  /** 422: the message is valid FHIR but cannot be what it claims; names where, as a FHIRPath expression. */
  public static ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException unprocessable(String expression, String text) {
    OperationOutcome outcome = new OperationOutcome();
    outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(IssueType.INVALID).setDiagnostics(text).addExpression(expression);
    return new ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException(expression + ": " + text, outcome);
  }
}
