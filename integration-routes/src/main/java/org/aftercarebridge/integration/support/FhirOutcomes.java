package org.aftercarebridge.integration.support;

import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/** The OperationOutcomes the service answers with. */
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

  /** One error issue of this type, saying what is wrong. */
  public static OperationOutcome error(IssueType type, String text) {
    OperationOutcome outcome = new OperationOutcome();
    outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(type).setDiagnostics(text);
    return outcome;
  }

  /** 403 with an OperationOutcome saying why. */
  public static ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException forbidden(String text) {
    return new ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException(text, error(IssueType.FORBIDDEN, text));
  }

  /** 422: the message is valid FHIR but cannot be what it claims; names where, as a FHIRPath expression. */
  public static ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException unprocessable(String expression, String text) {
    OperationOutcome outcome = error(IssueType.INVALID, text);
    outcome.getIssueFirstRep().addExpression(expression);
    return new ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException(expression + ": " + text, outcome);
  }
}
