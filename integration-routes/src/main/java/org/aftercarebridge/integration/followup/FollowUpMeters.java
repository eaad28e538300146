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

  private static final FollowUps.Open UNKNOWN = new FollowUps.Open(-1, -1);

  private final FollowUps followUps;
  private final long pollMillis;
  private final AtomicReference<FollowUps.Open> open = new AtomicReference<>(UNKNOWN);

  public FollowUpMeters(
      FollowUps followUps, MeterRegistry meters, @Value("${aftercare.followups.poll-interval:30s}") java.time.Duration poll) {
    this.followUps = followUps;
    this.pollMillis = poll.toMillis();
    gauge(meters, "due", () -> open.get().due());
    gauge(meters, "overdue", () -> open.get().overdue());
  }

  @Override
  public void configure() {
    from("timer:followup-meters?delay=0&period=" + pollMillis)
        .routeId(Endpoints.FOLLOW_UP_METERS_ROUTE)
        .process(exchange -> {
          try {
            open.set(followUps.open());
          } catch (RuntimeException databaseAway) {
            open.set(UNKNOWN);
          }
        });
  }

  private static void gauge(MeterRegistry meters, String state, java.util.function.LongSupplier count) {
    Gauge.builder("aftercare.followups.open", () -> {
          long value = count.getAsLong();
          return value < 0 ? Double.NaN : value;
        })
        .description("Follow-up Tasks published and still open, within their time (due) and past it (overdue)")
        .tag("state", state)
        .register(meters);
  }
}
