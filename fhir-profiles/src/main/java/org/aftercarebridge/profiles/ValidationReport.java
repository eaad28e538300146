package org.aftercarebridge.profiles;

import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.OperationOutcome;

/** The outcome of one validation: every issue with its FHIRPath location, as an OperationOutcome. */
public final class ValidationReport {

  private final ValidationResult result;

  ValidationReport(ValidationResult result) {
    this.result = result;
  }

  public boolean hasErrors() {
    return result.getMessages().stream()
        .anyMatch(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal());
  }

  /** Every issue (errors, warnings, information), each with its location, as FHIR reports it. */
  public OperationOutcome toOperationOutcome() {
    return (OperationOutcome) result.toOperationOutcome();
  }

  /** One line per error: location and message (for logs of our own fixtures, never of PHI). */
  public String errorSummary() {
    return result.getMessages().stream()
        .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
        .map(m -> m.getLocationString() + ": " + m.getMessage())
        .collect(Collectors.joining("; "));
  }
}
