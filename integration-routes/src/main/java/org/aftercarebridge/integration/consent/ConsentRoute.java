package org.aftercarebridge.integration.consent;

import static org.aftercarebridge.integration.support.Endpoints.CONSENT_ROUTE;
import static org.aftercarebridge.integration.support.Endpoints.PUBLISH_REFERRAL;
import static org.aftercarebridge.integration.support.Endpoints.RECEIVE_CONSENT;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import java.util.List;
import org.aftercarebridge.integration.intake.DischargeNotification;
import org.aftercarebridge.integration.intake.NotificationBundleToDischargeMapper;
import org.aftercarebridge.integration.matching.Matchmaker;
import org.aftercarebridge.integration.referral.DischargeToReferralMapper;
import org.aftercarebridge.referral.Announcement;
import org.aftercarebridge.referral.HeldReferral;
import org.aftercarebridge.referral.Referral;
import org.aftercarebridge.referral.ReferralConsents;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.builder.RouteBuilder;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Consent;
import org.springframework.stereotype.Component;

/**
 * Consents after the discharge (the treatment centre obtained one, or the person revoked theirs):
 * stored with the referral whose Patient they are about. A consent that now covers a held referral
 * releases it — matched, recorded and announced as if the consent had come with the discharge; one
 * that no longer covers a released referral stops it — open Tasks cancelled, what was not yet
 * published withdrawn, the coordinators told which Tasks are cancelled and nothing more.
 */
@Component
public class ConsentRoute extends RouteBuilder {

  static final String SAVED = "savedConsent";

  private final ReferralConsents consents;
  private final Part2ConsentPolicy policy;
  private final NotificationBundleToDischargeMapper bundleMapper;
  private final Matchmaker matchmaker;
  private final DischargeToReferralMapper referralMapper;
  private final FhirContext fhirContext;
  private final Clock clock = Clock.systemUTC();

  public ConsentRoute(
      ReferralConsents consents, Part2ConsentPolicy policy, NotificationBundleToDischargeMapper bundleMapper, Matchmaker matchmaker,
      DischargeToReferralMapper referralMapper, FhirContext fhirContext) {
    this.consents = consents;
    this.policy = policy;
    this.bundleMapper = bundleMapper;
    this.matchmaker = matchmaker;
    this.referralMapper = referralMapper;
    this.fhirContext = fhirContext;
  }

  /** A consent sent to us: new ({@code id} null) or the next version of the one with that id. */
  public record Submission(String id, Consent consent) {}

  @Override
  public void configure() {
    from(RECEIVE_CONSENT)
        .routeId(CONSENT_ROUTE)
        .errorHandler(noErrorHandler())
        .bean(this, "save")
        .setProperty(SAVED, body())
        .choice()
            .when(method(this, "releases"))
                .bean(this, "release")
                .wireTap(PUBLISH_REFERRAL).end()
            .when(method(this, "revokes"))
                .bean(consents, "revoke(${exchangeProperty." + SAVED + ".referralId})")
                .split(body())
                    .to(PUBLISH_REFERRAL)
                .end()
        .end()
        .setBody(simple("${exchangeProperty." + SAVED + ".consent}"));
  }

  public ReferralConsents.Saved save(Submission submission) {
    Consent consent = submission.consent();
    String patient = consent.getPatient().getReferenceElement().getResourceType() == null
        || !consent.getPatient().getReferenceElement().getResourceType().equals("Patient")
        ? null
        : consent.getPatient().getReferenceElement().getIdPart();
    if (submission.id() != null) {
      Consent stored = consents.read(submission.id())
          .orElseThrow(() -> new ConsentRefused(true, "Consent.id", "no Consent " + submission.id() + "; create it with POST"));
      if (!stored.getPatient().getReference().equals(consent.getPatient().getReference())) {
        throw new ConsentRefused(false, "Consent.patient", "a consent stays about the same Patient (" + stored.getPatient().getReference() + ")");
      }
    }
    String referralId = patient == null ? null : consents.referralOfPatient(patient).orElse(null);
    if (referralId == null) {
      throw new ConsentRefused(false, "Consent.patient",
          "Consent.patient must be the Patient of one of our referrals (as the referral Task's 'for' names it, Patient/<id>)");
    }
    return consents.save(referralId, submission.id(), consent);
  }

  /** A held referral that this consent now covers. */
  public boolean releases(@ExchangeProperty(SAVED) ReferralConsents.Saved saved) {
    return covers(saved.consent()) && consents.held(saved.referralId()).isPresent();
  }

  /** A consent that covered the referral and covers it no longer (revoked, expired, narrowed). */
  public boolean revokes(@ExchangeProperty(SAVED) ReferralConsents.Saved saved) {
    return saved.previous() != null && covers(saved.previous()) && !covers(saved.consent());
  }

  /** Matches the held discharge as it came and records the referral the consent releases; answers its announcement. */
  public Announcement release(@ExchangeProperty(SAVED) ReferralConsents.Saved saved) {
    HeldReferral held = consents.held(saved.referralId()).orElseThrow();
    Bundle message = fhirContext.newJsonParser().parseResource(Bundle.class, held.messageJson());
    DischargeNotification discharge = bundleMapper.read(message, held.source().sender()).withSource(held.source());
    Referral released = referralMapper.toReferral(matchmaker.match(discharge), saved.consent(), held);
    consents.release(held, released);
    return released.announcement();
  }

  private boolean covers(Consent consent) {
    return policy.covering(List.of(consent), clock.instant()).isPresent();
  }
}
