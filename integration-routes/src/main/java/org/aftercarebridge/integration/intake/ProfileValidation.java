package org.aftercarebridge.integration.intake;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.aftercarebridge.profiles.ProfileValidator;
import org.aftercarebridge.profiles.ValidationReport;

/**
 * Rejects an instance that does not conform to a profile with 422 and an OperationOutcome naming each
 * issue. Can be switched off only to measure what validation costs (benchmarks); production refuses that.
 */
public final class ProfileValidation {

  private final FhirContext fhirContext;
  private final ProfileValidator validator;
  private final boolean enabled;

  public ProfileValidation(FhirContext fhirContext, ProfileValidator validator, boolean enabled) {
    this.fhirContext = fhirContext;
    this.validator = validator;
    this.enabled = enabled;
  }

  /** @param resourceText the resource as it was sent, JSON or XML */
  public void requireValid(String resourceText, String profileUrl) {
    if (!enabled) {
      return;
    }
    ValidationReport report = validator.validate(resourceText, profileUrl);
    if (report.hasErrors()) {
      throw new UnprocessableEntityException(fhirContext, report.toOperationOutcome());
    }
  }
}
