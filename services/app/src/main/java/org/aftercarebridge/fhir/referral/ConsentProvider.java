package org.aftercarebridge.fhir.referral;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.annotation.Validate;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.aftercarebridge.integration.consent.ConsentRefused;
import org.aftercarebridge.integration.consent.ConsentRoute;
import org.aftercarebridge.integration.support.Endpoints;
import org.aftercarebridge.profiles.AftercareProfiles;
import org.aftercarebridge.profiles.ProfileValidator;
import org.aftercarebridge.profiles.ValidationReport;
import org.aftercarebridge.referral.ReferralConsents;
import org.aftercarebridge.referral.ReferralVisibility;
import org.aftercarebridge.referral.Referrals;
import org.aftercarebridge.security.ReferralAccess;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.stereotype.Component;

/**
 * {@code /fhir/Consent}: 42 CFR Part 2 consents of our referrals. A treatment centre that was asked
 * to obtain one (an obtain-consent Task) {@code POST}s it about the referral's Patient, which releases
 * the held referral; {@code PUT} with status inactive (or an earlier end) revokes it, which stops
 * whatever was not yet disclosed. Each must conform to Part2Consent ({@code $validate} checks first).
 */
@Component
public class ConsentProvider implements IResourceProvider {

  private final ReferralConsents consents;
  private final ProducerTemplate camel;
  private final ProfileValidator validator;
  private final FhirContext fhirContext;
  private final Referrals referrals;
  private final ReferralAccess access;

  public ConsentProvider(
      ReferralConsents consents, ProducerTemplate camel, ProfileValidator validator, FhirContext fhirContext,
      Referrals referrals, ReferralAccess access) {
    this.consents = consents;
    this.camel = camel;
    this.validator = validator;
    this.fhirContext = fhirContext;
    this.referrals = referrals;
    this.access = access;
  }

  @Override
  public Class<Consent> getResourceType() {
    return Consent.class;
  }

  @Read
  public Consent read(@IdParam IdType id) {
    return visible(consents.read(id.getIdPart()).orElseThrow(() -> new ResourceNotFoundException(id)));
  }

  /**
   * A consent is seen, given or revoked only by those who see a referral of its Patient: the
   * clinical system whose message started it, coordinators of its region, admins. (A Patient no
   * referral names is left to the consent route, which answers 404.)
   */
  private Consent visible(Consent consent) {
    String patient = consent.getPatient().getReferenceElement().getIdPart();
    if (patient != null && referrals.patientVisible(patient, ReferralVisibility.everything())
        && !referrals.patientVisible(patient, access.visibility())) {
      throw access.refused("Consent about Patient/" + patient);
    }
    return consent;
  }

  @Create
  public MethodOutcome create(@ResourceParam Consent consent) {
    Consent stored = received(new ConsentRoute.Submission(null, visible(conforming(consent))));
    return new MethodOutcome(stored.getIdElement().withVersion(stored.getMeta().getVersionId()), true).setResource(stored);
  }

  @Update
  public MethodOutcome update(@IdParam IdType id, @ResourceParam Consent consent) {
    if (consent.getIdElement().getIdPart() != null && !consent.getIdElement().getIdPart().equals(id.getIdPart())) {
      throw new InvalidRequestException("The Consent's id (" + consent.getIdElement().getIdPart() + ") is not the one in the URL (" + id.getIdPart() + ")");
    }
    consents.read(id.getIdPart()).ifPresent(this::visible);
    Consent stored = received(new ConsentRoute.Submission(id.getIdPart(), visible(conforming(consent))));
    return new MethodOutcome(stored.getIdElement().withVersion(stored.getMeta().getVersionId()), false).setResource(stored);
  }

  /** {@code POST /fhir/Consent/$validate}: check a consent against Part2Consent before sending it. */
  @Validate
  public MethodOutcome validate(@ResourceParam String resourceText) {
    return new MethodOutcome().setOperationOutcome(validator.validate(resourceText, AftercareProfiles.PART2_CONSENT).toOperationOutcome());
  }

  private Consent conforming(Consent consent) {
    consent.setMeta(new org.hl7.fhir.r4.model.Meta().addProfile(AftercareProfiles.PART2_CONSENT));
    ValidationReport report = validator.validate(fhirContext.newJsonParser().encodeResourceToString(consent), AftercareProfiles.PART2_CONSENT);
    if (report.hasErrors()) {
      throw new UnprocessableEntityException(fhirContext, report.toOperationOutcome());
    }
    return consent;
  }

  private Consent received(ConsentRoute.Submission submission) {
    Exchange exchange = camel.request(Endpoints.RECEIVE_CONSENT, ex -> ex.getMessage().setBody(submission));
    Exception failure = exchange.getException();
    if (failure == null) {
      return exchange.getMessage().getBody(Consent.class);
    }
    if (failure instanceof ConsentRefused refused) {
      OperationOutcome outcome = new OperationOutcome();
      outcome.addIssue()
          .setSeverity(OperationOutcome.IssueSeverity.ERROR)
          .setCode(refused.notFound() ? OperationOutcome.IssueType.NOTFOUND : OperationOutcome.IssueType.BUSINESSRULE)
          .setDiagnostics(refused.getMessage())
          .addExpression(refused.location());
      throw refused.notFound()
          ? new ResourceNotFoundException(refused.getMessage(), outcome)
          : new UnprocessableEntityException(refused.getMessage(), outcome);
    }
    throw new InternalErrorException("The Consent could not be stored right now; retry later", failure);
  }
}
