package org.aftercarebridge.integration.followup;

import static org.aftercarebridge.integration.support.Endpoints.FOLLOW_UP_ROUTE;
import static org.aftercarebridge.integration.support.Endpoints.PUBLISH_REFERRAL;

import org.aftercarebridge.referral.FollowUps;
import org.aftercarebridge.referral.ReferralOutbox;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The follow-up clock, on one instance of the cluster at a time ({@code master:}: the database lease
 * in embedded mode, the Kubernetes Lease in production): every poll, the follow-ups that came due
 * are published as Tasks on {@code aftercare.followups} and the ones left undone past their time are
 * escalated to the coordinator leads. State lives in the database, so a restart or a new leader
 * carries on where the last one stopped, and a compare-and-set keeps each follow-up to one Task even
 * if two instances ever ran at once.
 */
@Component
public class FollowUpRoute extends RouteBuilder {

  private final FollowUps followUps;
  private final ReferralOutbox outbox;
  private final long pollMillis;

  public FollowUpRoute(
      FollowUps followUps, ReferralOutbox outbox, @Value("${aftercare.followups.poll-interval:30s}") java.time.Duration poll) {
    this.followUps = followUps;
    this.outbox = outbox;
    this.pollMillis = poll.toMillis();
  }

  @Override
  public void configure() {
    from("master:followups:timer:followups?delay=" + pollMillis + "&period=" + pollMillis)
        .routeId(FOLLOW_UP_ROUTE)
        .bean(followUps, "publishDue")
        .bean(followUps, "escalateOverdue")
        // every follow-up not yet out, oldest first, one after the other: a person's follow-ups reach
        // the queue in the order they came due, also those an instance left behind when it died
        .setBody(method(outbox, "unpublishedFollowUps(200)"))
        .split(body())
            .to(PUBLISH_REFERRAL)
        .end();
  }
}
