package org.aftercarebridge.operations;

import jakarta.jms.ConnectionFactory;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.actuate.jms.JmsHealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The broker as readiness sees it. Unreachable is {@code DEGRADED}, not {@code DOWN}: discharges are
 * still taken (the transactional outbox keeps their announcements and publishes them when the broker
 * returns), so taking every replica out of service would refuse the very messages we can keep. The
 * database, which we cannot do without, makes readiness DOWN. Details (admins) say how many
 * announcements wait in the outbox and how old the oldest is.
 */
@Component("broker")
public class BrokerHealth implements HealthIndicator {

  public static final Status DEGRADED = new Status("DEGRADED", "the broker is unreachable; announcements wait in the outbox");

  private final JmsHealthIndicator connection;
  private final JdbcClient jdbc;

  public BrokerHealth(ConnectionFactory connectionFactory, JdbcClient jdbc) {
    this.connection = new JmsHealthIndicator(connectionFactory);
    this.jdbc = jdbc;
  }

  @Override
  public Health health() {
    Health reached = connection.health();
    Health.Builder health = Status.UP.equals(reached.getStatus()) ? Health.up() : Health.status(DEGRADED);
    health.withDetails(reached.getDetails());
    try {
      Waiting waiting = jdbc.sql("select count(*) as waiting, min(created_at) as oldest from referral_outbox"
              + " where published_at is null and withdrawn_at is null")
          .query((rs, n) -> new Waiting(rs.getLong("waiting"), rs.getTimestamp("oldest")))
          .single();
      health.withDetail("outboxWaiting", waiting.count());
      if (waiting.oldest() != null) {
        health.withDetail("outboxOldestWaitingSeconds", Duration.between(waiting.oldest().toInstant(), Instant.now()).toSeconds());
      }
    } catch (RuntimeException databaseAway) {
      health.withDetail("outboxWaiting", "unknown: the database cannot be read");
    }
    return health.build();
  }

  private record Waiting(long count, Timestamp oldest) {}
}
