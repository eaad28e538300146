package org.aftercarebridge.integration.followup;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicReference;
import org.aftercarebridge.integration.support.Endpoints;
import org.aftercarebridge.referral.FollowUps;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code aftercare.followups.open{state=due|overdue}}: follow-up Tasks out and still open, within their
 * time and past it. Counted in the database every poll on every instance (a scrape never waits for the
 * database; aggregate instances with max, not sum); NaN while the database cannot be read.
 */
@Component
public class FollowUpMeters extends RouteBuilder {

  private final FollowUps followUps;
  private final long pollMillis;
  /** The last count; null while the database could not be read. */
  private final AtomicReference<FollowUps.Open> open = new AtomicReference<>();

  public FollowUpMeters(
      FollowUps followUps, MeterRegistry meters, @Value("${aftercare.followups.poll-interval:30s}") java.time.Duration poll) {
    this.followUps = followUps;
    this.pollMillis = poll.toMillis();
    gauge(meters, "due", FollowUps.Open::due);
    gauge(meters, "overdue", FollowUps.Open::overdue);
  }

  @Override
  public void configure() {
    from("timer:followup-meters?delay=0&period=" + pollMillis)
        .routeId(Endpoints.FOLLOW_UP_METERS_ROUTE)
        .process(exchange -> {
          try {
            open.set(followUps.open());
          } catch (RuntimeException databaseAway) {
            open.set(null);
          }
        });
  }

  private void gauge(MeterRegistry meters, String state, java.util.function.ToLongFunction<FollowUps.Open> count) {
    Gauge.builder("aftercare.followups.open", () -> {
          FollowUps.Open last = open.get();
          return last == null ? Double.NaN : count.applyAsLong(last);
        })
        .description("Follow-up Tasks published and still open, within their time (due) and past it (overdue)")
        .tag("state", state)
        .register(meters);
  }
}
