package org.aftercarebridge.profiles;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationOptions;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.common.hapi.validation.validator.WorkerContextValidationSupportAdapter;

/**
 * Validates instances against base R4 and one of our profiles, with HAPI's instance validator.
 *
 * <p>Real discharge messages claim profiles in {@code meta.profile} (US Core, Da Vinci, HRex) whose
 * packages we do not ship and cannot download at run time. We validate deliberately against base R4
 * plus <em>our</em> profile, which states the constraints we rely on, and report a claimed profile we
 * do not know as a warning, not an error: rejecting every real message for a package we lack would
 * make the service useless, and silently ignoring the claim would hide that it was not checked.
 */
public final class ProfileValidator {

  /** Core validator message ids that mean "a profile named in meta.profile is not available here". */
  private static final Set<String> UNKNOWN_PROFILE_MESSAGES =
      Set.of(
          "Validation_VAL_Profile_Unknown",
          "VALIDATION_VAL_PROFILE_UNKNOWN_NOT_POLICY",
          "VALIDATION_VAL_PROFILE_UNKNOWN_ERROR",
          "VALIDATION_VAL_PROFILE_UNKNOWN_ERROR_NETWORK");

  private final FhirContext fhirContext;
  private final FhirValidator validator;
  private final WarmInstanceValidators warm;

  private ProfileValidator(FhirContext fhirContext, FhirValidator validator, WarmInstanceValidators warm) {
    this.fhirContext = fhirContext;
    this.validator = validator;
    this.warm = warm;
  }

  /** Builds the validation support chain: base R4, our conformance resources, in-memory terminology. */
  public static ProfileValidator create(FhirContext fhirContext) {
    PrePopulatedValidationSupport ours = new PrePopulatedValidationSupport(fhirContext);
    AftercareProfiles.conformanceResources(fhirContext).forEach(ours::addResource);

    UnknownCodeSystemWarningValidationSupport unknownCodeSystems =
        new UnknownCodeSystemWarningValidationSupport(fhirContext);
    unknownCodeSystems.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.WARNING);

    ValidationSupportChain chain =
        new ValidationSupportChain(
            new DefaultProfileValidationSupport(fhirContext),
            ours,
            new SnapshotGeneratingValidationSupport(fhirContext),
            new CommonCodeSystemsTerminologyService(fhirContext),
            new InMemoryTerminologyServerValidationSupport(fhirContext),
            unknownCodeSystems);

    FhirInstanceValidator instanceValidator = new FhirInstanceValidator(chain);
    instanceValidator.setAnyExtensionsAllowed(true);
    // one worker context (the core validator's view of the chain) for HAPI's path and the warm one
    instanceValidator.setWrappedWorkerContext(
        chain, WorkerContextValidationSupportAdapter.newVersionSpecificWorkerContextWrapper(chain));
    FhirValidator validator = fhirContext.newValidator();
    validator.setValidateAgainstStandardSchema(false);
    validator.setValidateAgainstStandardSchematron(false);
    validator.registerValidatorModule(instanceValidator);
    return new ProfileValidator(
        fhirContext,
        validator,
        new WarmInstanceValidators(instanceValidator, Runtime.getRuntime().availableProcessors()));
  }

  /**
   * Validates a resource as it was sent (JSON or XML text), not as a parser made it: an element that
   * does not exist in FHIR is an error here, where a lenient parse would silently drop it.
   */
  public ValidationReport validate(String resourceText, String profileUrl) {
    List<SingleValidationMessage> messages =
        isXml(resourceText) ? validateWithHapi(resourceText, profileUrl) : warm.validateJson(resourceText, profileUrl);
    return new ValidationReport(
        new ValidationResult(fhirContext, messages.stream().map(ProfileValidator::downgradeUnknownProfile).toList()));
  }

  /**
   * HAPI's own path, which builds a new core validator per call: used for XML (rare on the wire) and
   * as the reference the warm path is proven equal to.
   */
  List<SingleValidationMessage> validateWithHapi(String resourceText, String profileUrl) {
    return validator.validateWithResult(resourceText, new ValidationOptions().addProfile(profileUrl)).getMessages();
  }

  WarmInstanceValidators warmValidators() {
    return warm;
  }

  private static boolean isXml(String resourceText) {
    return resourceText.stripLeading().startsWith("<");
  }

  /**
   * Runs one full validation of the shipped discharge example so that snapshot generation, the
   * FHIRPath engine and the terminology caches are built at start-up, not on the first request.
   */
  public void warmUp() {
    ValidationReport report =
        validate(
            AftercareProfiles.classpathText(AftercareProfiles.DISCHARGE_EXAMPLE),
            AftercareProfiles.DISCHARGE_NOTIFICATION);
    if (report.hasErrors()) {
      throw new IllegalStateException(
          "The shipped discharge example does not validate against our profile: " + report.errorSummary());
    }
  }

  private static SingleValidationMessage downgradeUnknownProfile(SingleValidationMessage message) {
    if (message.getSeverity() != null
        && message.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal()
        && message.getMessageId() != null
        && UNKNOWN_PROFILE_MESSAGES.contains(message.getMessageId())) {
      message.setSeverity(ResultSeverityEnum.WARNING);
    }
    return message;
  }
}
