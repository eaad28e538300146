package org.aftercarebridge.integration.followup;

import static org.aftercarebridge.integration.support.Endpoints.FOLLOW_UP_ROUTE;
import static org.aftercarebridge.integration.support.Endpoints.PUBLISH_REFERRAL;

import org.aftercarebridge.referral.FollowUps;
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
  private final long pollMillis;

  public FollowUpRoute(FollowUps followUps, @Value("${aftercare.followups.poll-interval:30s}") java.time.Duration poll) {
    this.followUps = followUps;
    this.pollMillis = poll.toMillis();
  }

  @Override
  public void configure() {
    from("master:followups:timer:followups?delay=" + pollMillis + "&period=" + pollMillis)
        .routeId(FOLLOW_UP_ROUTE)
        .setBody(method(followUps, "publishDue"))
        .split(body())
            .to(PUBLISH_REFERRAL)
        .end()
        .setBody(method(followUps, "escalateOverdue"))
        .split(body())
            .to(PUBLISH_REFERRAL)
        .end();
  }
}
