package org.aftercarebridge.fhir;

import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Validate;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.Set;
import org.aftercarebridge.profiles.ProfileValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * {@code POST /fhir/<type>/$validate} for a resource type we accept: clinical-system developers check
 * what they will send against our profile for it (or another of ours for the type, with
 * {@code profile}), with the same validator intake uses. Always 200 with an OperationOutcome listing
 * every issue, errors first, as FHIR's $validate does.
 */
public class AcceptedResourceValidation implements IResourceProvider {

  private final Class<? extends IBaseResource> type;
  private final String defaultProfile;
  private final Set<String> profiles;
  private final ProfileValidator validator;

  public AcceptedResourceValidation(
      Class<? extends IBaseResource> type, String defaultProfile, Set<String> profiles, ProfileValidator validator) {
    this.type = type;
    this.defaultProfile = defaultProfile;
    this.profiles = profiles;
    this.validator = validator;
  }

  @Override
  public Class<? extends IBaseResource> getResourceType() {
    return type;
  }

  @Validate
  public MethodOutcome validate(@ResourceParam String resourceText, @Validate.Profile String profile) {
    String against = profile == null || profile.isBlank() ? defaultProfile : profile;
    if (!profiles.contains(against)) {
      throw new InvalidRequestException(
          "Unknown profile for " + type.getSimpleName() + ": " + against + " (ours: " + profiles + ")");
    }
    return new MethodOutcome().setOperationOutcome(validator.validate(resourceText, against).toOperationOutcome());
  }
}
