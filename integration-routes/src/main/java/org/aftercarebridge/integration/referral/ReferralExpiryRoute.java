package org.aftercarebridge.integration.referral;

import static org.aftercarebridge.integration.support.Endpoints.PUBLISH_REFERRAL;
import static org.aftercarebridge.integration.support.Endpoints.REFERRAL_EXPIRY_ROUTE;

import org.aftercarebridge.referral.ReferralExpiry;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Referrals nobody moves, on one instance of the cluster at a time: flagged overdue to the
 * coordinator leads, later expired and the coordinators told (the clinic hears of it through its
 * status updates).
 */
@Component
public class ReferralExpiryRoute extends RouteBuilder {

  private final ReferralExpiry expiry;
  private final long pollMillis;

  public ReferralExpiryRoute(ReferralExpiry expiry, @Value("${aftercare.followups.poll-interval:30s}") java.time.Duration poll) {
    this.expiry = expiry;
    this.pollMillis = poll.toMillis();
  }

  @Override
  public void configure() {
    from("master:referral-expiry:timer:referral-expiry?delay=" + pollMillis + "&period=" + pollMillis)
        .routeId(REFERRAL_EXPIRY_ROUTE)
        .bean(expiry, "flagOverdue") // the leads' notices go out in order with the follow-ups
        .setBody(method(expiry, "expire"))
        .split(body())
            .to(PUBLISH_REFERRAL)
        .end();
  }
}
