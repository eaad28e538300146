package org.aftercarebridge.profiles;

import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.OperationOutcome;

/** The outcome of one validation: every issue with its FHIRPath location, as an OperationOutcome. */
public final class ValidationReport {

  private final ValidationResult result;

  ValidationReport(ValidationResult result) {
    this.result = result;
  }

  /** Every message, as the validator reported it. */
  List<SingleValidationMessage> messages() {
    return result.getMessages();
  }

  public boolean hasErrors() {
    return result.getMessages().stream()
        .anyMatch(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal());
  }

  /**
   * Every issue, each with its location, as FHIR reports it; errors first so that a sender reads what
   * made the message fail before the warnings (unknown claimed profiles, missing narrative …).
   */
  public OperationOutcome toOperationOutcome() {
    OperationOutcome outcome = (OperationOutcome) result.toOperationOutcome();
    outcome.getIssue().sort(Comparator.comparing(issue -> issue.getSeverity().ordinal()));
    return outcome;
  }

  /** One line per error: location and message (for logs of our own fixtures, never of PHI). */
  public String errorSummary() {
    return result.getMessages().stream()
        .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
        .map(m -> m.getLocationString() + ": " + m.getMessage())
        .collect(Collectors.joining("; "));
  }
}
