package org.aftercarebridge.integration.referral;

import static org.aftercarebridge.integration.support.Endpoints.PUBLISH_REFERRAL;
import static org.aftercarebridge.integration.support.Endpoints.REFERRAL_FROM_DISCHARGE_ROUTE;
import static org.aftercarebridge.integration.support.Endpoints.REFER_DISCHARGE;

import org.aftercarebridge.integration.intake.DischargeNotification;
import org.aftercarebridge.integration.matching.Matchmaker;
import org.aftercarebridge.integration.support.FhirOutcomes;
import org.aftercarebridge.referral.RecordedReferral;
import org.aftercarebridge.referral.Referrals;
import org.apache.camel.builder.RouteBuilder;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.stereotype.Component;

/**
 * A discharge becomes a referral: drop a message we already turned into a referral, match the person
 * to peer groups, record referral and announcement in one transaction, then publish the announcement
 * right away (the outbox sweep publishes whatever this immediate attempt could not).
 */
@Component
public class DischargeReferralRoute extends RouteBuilder {

  static final String EXISTING_TASK = "existingReferralTask";
  static final String ANNOUNCEMENT = "announcement";

  private final Referrals referrals;
  private final Matchmaker matchmaker;
  private final DischargeToReferralMapper referralMapper;

  public DischargeReferralRoute(Referrals referrals, Matchmaker matchmaker, DischargeToReferralMapper referralMapper) {
    this.referrals = referrals;
    this.matchmaker = matchmaker;
    this.referralMapper = referralMapper;
  }

  @Override
  public void configure() {
    from(REFER_DISCHARGE)
        .routeId(REFERRAL_FROM_DISCHARGE_ROUTE)
        .errorHandler(noErrorHandler())
        .setProperty(EXISTING_TASK, method(this, "existingTask"))
        .choice()
            .when(exchangeProperty(EXISTING_TASK).isNotNull())
                .bean(this, "alreadyReferred(${exchangeProperty." + EXISTING_TASK + "})")
            .otherwise()
                .bean(matchmaker, "match")
                .bean(referralMapper, "toReferral")
                .setProperty(ANNOUNCEMENT, simple("${body.announcement}"))
                .bean(referrals, "record")
                .filter(simple("${body.created}"))
                    .wireTap(PUBLISH_REFERRAL)
                        .onPrepare(tap -> tap.getMessage().setBody(tap.getProperty(ANNOUNCEMENT)))
                    .end()
                .end()
                .bean(this, "referred")
        .end();
  }

  /** The Task of the referral an earlier copy of this message created, or null. */
  public String existingTask(DischargeNotification discharge) {
    return referrals.taskFor(discharge.source()).orElse(null);
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
}
