package org.aftercarebridge.integration.referral;

import static org.aftercarebridge.integration.support.Endpoints.PUBLISH_REFERRAL;
import static org.aftercarebridge.integration.support.Endpoints.REFERRAL_FROM_DISCHARGE_ROUTE;
import static org.aftercarebridge.integration.support.Endpoints.REFER_DISCHARGE;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import java.util.List;
import org.aftercarebridge.audit.AuditTrail;
import org.aftercarebridge.integration.consent.Part2ConsentPolicy;
import org.aftercarebridge.integration.intake.DischargeNotification;
import org.aftercarebridge.integration.intake.IntakeMeters;
import org.aftercarebridge.integration.matching.Matchmaker;
import org.aftercarebridge.integration.support.FhirOutcomes;
import org.aftercarebridge.referral.RecordedReferral;
import org.aftercarebridge.referral.Referral;
import org.aftercarebridge.referral.Referrals;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.builder.RouteBuilder;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.stereotype.Component;

/**
 * A discharge becomes a referral: drop a message we already turned into a referral; without a
 * 42 CFR Part 2 consent covering the peer coordinators, hold it (an obtain-consent Task for the
 * treatment centre, nothing announced); with one, match the person to peer groups, record referral
 * and announcement in one transaction, then publish the announcement right away (the outbox sweep
 * publishes whatever this immediate attempt could not).
 */
@Component
public class DischargeReferralRoute extends RouteBuilder {

  static final String EXISTING_TASK = "existingReferralTask";
  static final String CONSENT = "consent";
  static final String ANNOUNCEMENT = "announcement";

  private final Referrals referrals;
  private final Matchmaker matchmaker;
  private final DischargeToReferralMapper referralMapper;
  private final Part2ConsentPolicy consentPolicy;
  private final FhirContext fhirContext;
  private final AuditTrail audit;
  private final IntakeMeters meters;
  private final Clock clock = Clock.systemUTC();

  public DischargeReferralRoute(
      Referrals referrals, Matchmaker matchmaker, DischargeToReferralMapper referralMapper, Part2ConsentPolicy consentPolicy,
      FhirContext fhirContext, AuditTrail audit, IntakeMeters meters) {
    this.referrals = referrals;
    this.matchmaker = matchmaker;
    this.referralMapper = referralMapper;
    this.consentPolicy = consentPolicy;
    this.fhirContext = fhirContext;
    this.audit = audit;
    this.meters = meters;
  }

  @Override
  public void configure() {
    from(REFER_DISCHARGE)
        .routeId(REFERRAL_FROM_DISCHARGE_ROUTE)
        .errorHandler(noErrorHandler())
        .setProperty(EXISTING_TASK, method(this, "existingTask"))
        .choice()
            .when(exchangeProperty(EXISTING_TASK).isNotNull())
                .setProperty(IntakeMeters.OUTCOME, constant(IntakeMeters.Outcome.DUPLICATE))
                .bean(this, "alreadyReferred(${exchangeProperty." + EXISTING_TASK + "})")
            .otherwise()
                .setProperty(CONSENT, method(this, "consent"))
                .choice()
                    .when(exchangeProperty(CONSENT).isNull())
                        .bean(this, "held")
                        .bean(this, "record")
                        .setProperty(IntakeMeters.OUTCOME, method(this, "outcome(${body}, 'HELD')"))
                        .bean(this, "heldAnswer")
                    .otherwise()
                        .bean(matchmaker, "match")
                        .bean(this, "referral")
                        .setProperty(ANNOUNCEMENT, simple("${body.announcement}"))
                        .bean(this, "record")
                        .filter(simple("${body.created}"))
                            .wireTap(PUBLISH_REFERRAL)
                                .onPrepare(tap -> tap.getMessage().setBody(tap.getProperty(ANNOUNCEMENT)))
                            .end()
                        .end()
                        .setProperty(IntakeMeters.OUTCOME, method(this, "outcome(${body}, 'REFERRED')"))
                        .bean(this, "referred")
                .end()
        .end();
  }

  /** The Task of the referral an earlier copy of this message created, or null. */
  public String existingTask(DischargeNotification discharge) {
    return referrals.taskFor(discharge.source()).orElse(null);
  }

  /** The consent that came with the discharge and covers announcing it to the peer coordinators, or null. */
  public Consent consent(DischargeNotification discharge) {
    return consentPolicy.covering(discharge.consents(), clock.instant()).orElse(null);
  }

  public Referral referral(org.aftercarebridge.integration.referral.MatchedDischarge matched, @ExchangeProperty(CONSENT) Consent consent) {
    return referralMapper.toReferral(matched, consent, null);
  }

  /** Held for consent: why none of the consents sent (if any) covers the disclosure. */
  public Referral held(DischargeNotification discharge) {
    String why = discharge.consents().isEmpty()
        ? "no consent came with the discharge"
        : String.join("; ", discharge.consents().stream().map(c -> consentPolicy.whyNot(c, clock.instant())).toList());
    return referralMapper.toHeldReferral(
        discharge, why, fhirContext.newJsonParser().encodeResourceToString(discharge.message()));
  }

  /** What became of the message: as intended, or a duplicate when a copy raced it to the database. */
  public IntakeMeters.Outcome outcome(RecordedReferral recorded, IntakeMeters.Outcome intended) {
    return recorded.created() ? intended : IntakeMeters.Outcome.DUPLICATE;
  }

  /**
   * Records the referral with its BALP entries in one transaction: the message received from the clinic
   * (import) and the referral created from it. A copy that raced this one to the database records neither.
   */
  public RecordedReferral record(Referral referral) {
    RecordedReferral recorded = referrals.record(referral, () -> audit(referral));
    if (recorded.created()) {
      meters.referralCreated(referral.program());
    }
    return recorded;
  }

  private void audit(Referral referral) {
    String client = referral.source().client();
    String patient = "Patient/" + referral.patient().getIdElement().getIdPart();
    audit.record(new AuditTrail.Entry(AuditTrail.Interaction.IMPORT, client,
        List.of("Bundle/" + referral.source().bundleId()), patient, null, null));
    audit.record(new AuditTrail.Entry(AuditTrail.Interaction.CREATE, client,
        List.of("Task/" + referral.taskId(), "ServiceRequest/" + referral.serviceRequest().getIdElement().getIdPart(), patient), patient, null, null));
  }

  public OperationOutcome alreadyReferred(String taskId) {
    return FhirOutcomes.information(
        "Duplicate message: already processed as referral Task/" + taskId + "; nothing new created");
  }

  public OperationOutcome referred(RecordedReferral recorded) {
    return recorded.created()
        ? FhirOutcomes.information("Referral created: Task/" + recorded.taskId())
        : alreadyReferred(recorded.taskId());
  }

  public OperationOutcome heldAnswer(RecordedReferral recorded) {
    return recorded.created()
        ? FhirOutcomes.information("Referral held under 42 CFR Part 2, nothing disclosed: no consent covers the peer coordinators;"
            + " Task/" + recorded.taskId() + " asks the treatment centre to obtain one")
        : alreadyReferred(recorded.taskId());
  }
}
