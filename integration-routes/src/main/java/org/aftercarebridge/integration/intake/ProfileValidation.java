package org.aftercarebridge.integration.intake;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.aftercarebridge.profiles.ProfileValidator;
import org.aftercarebridge.profiles.ValidationReport;

/** Rejects an instance that does not conform to a profile with 422 and an OperationOutcome naming each issue. */
public final class ProfileValidation {

  private final FhirContext fhirContext;
  private final ProfileValidator validator;

  public ProfileValidation(FhirContext fhirContext, ProfileValidator validator) {
    this.fhirContext = fhirContext;
    this.validator = validator;
  }

  /** @param resourceText the resource as it was sent, JSON or XML */
  public void requireValid(String resourceText, String profileUrl) {
    ValidationReport report = validator.validate(resourceText, profileUrl);
    if (report.hasErrors()) {
      throw new UnprocessableEntityException(fhirContext, report.toOperationOutcome());
    }
  }
}
