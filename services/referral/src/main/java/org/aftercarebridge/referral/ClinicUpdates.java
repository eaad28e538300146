package org.aftercarebridge.referral;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Status back to the referring clinical system: a row per change of one of its referrals' Tasks,
 * written with the change (so none is lost), delivered by the clinic-update route with bounded
 * retries and exponential backoff.
 */
@Repository
public class ClinicUpdates {

  private final JdbcClient jdbc;
  private final Settings settings;

  /**
   * @param endpoints the referring clients (authenticated client id) that have a FHIR endpoint, and its base URL
   * @param maxAttempts deliveries tried before one is given up (and dead-lettered)
   * @param firstRetry the wait after the first failure; it doubles after each, up to {@code longestWait}
   */
  public record Settings(Map<String, String> endpoints, int maxAttempts, Duration firstRetry, Duration longestWait) {

    public Settings {
      endpoints = Map.copyOf(endpoints);
    }
  }

  /** A change to deliver: the Task (as it is when delivered) to the client's endpoint. */
  public record Due(String id, String taskId, String client, int attempts) {}

  public ClinicUpdates(JdbcClient jdbc, Settings settings) {
    this.jdbc = jdbc;
    this.settings = settings;
  }

  /** Notes a change of the Task for the referral's clinic, if that clinic has an endpoint. */
  void changed(String referralId, String taskId, Instant now) {
    String sender = jdbc.sql("select source_sender from referral where id = :id").param("id", referralId).query(String.class).single();
    String client = SourceMessage.clientOf(sender);
    if (!settings.endpoints().containsKey(client)) {
      return;
    }
    insert(referralId, taskId, client, now);
  }

  private void insert(String referralId, String taskId, String client, Instant now) {
    jdbc.sql("insert into clinic_update (id, referral_id, task_id, client, created_at, next_attempt_at, attempts)"
            + " values (:id, :referralId, :taskId, :client, :now, :now, 0)")
        .param("id", UUID.randomUUID().toString())
        .param("referralId", referralId)
        .param("taskId", taskId)
        .param("client", client)
        .param("now", Timestamp.from(now))
        .update();
  }

  /** Schedules the Task's current state for the client again (a dead-lettered update sent back by an operator). */
  public void resend(String taskId, String client) {
    String referralId = jdbc.sql("select referral_id from referral_task where id = :id").param("id", taskId).query(String.class).optional()
        .orElseThrow(() -> new IllegalArgumentException("no referral Task " + taskId));
    if (!settings.endpoints().containsKey(client)) {
      throw new IllegalArgumentException("no clinic endpoint for client " + client);
    }
    insert(referralId, taskId, client, Instant.now());
  }

  public List<Due> due(int limit) {
    return jdbc.sql("select id, task_id, client, attempts from clinic_update where delivered_at is null and given_up_at is null"
            + " and next_attempt_at <= :now order by created_at limit :limit")
        .param("now", Timestamp.from(Instant.now()))
        .param("limit", limit)
        .query((rs, n) -> new Due(rs.getString("id"), rs.getString("task_id"), rs.getString("client"), rs.getInt("attempts")))
        .list();
  }

  public String endpointOf(String client) {
    return settings.endpoints().get(client);
  }

  public void delivered(String id) {
    jdbc.sql("update clinic_update set delivered_at = :now, attempts = attempts + 1 where id = :id")
        .param("now", Timestamp.from(Instant.now())).param("id", id).update();
  }

  /** A failed attempt: tried again after the backoff; true when that was the last attempt (given up). */
  public boolean failed(Due due, String error) {
    int attempts = due.attempts() + 1;
    boolean givingUp = attempts >= settings.maxAttempts();
    Duration wait = settings.firstRetry().multipliedBy(1L << Math.min(attempts - 1, 20));
    if (wait.compareTo(settings.longestWait()) > 0) {
      wait = settings.longestWait();
    }
    Instant now = Instant.now();
    jdbc.sql("update clinic_update set attempts = :attempts, next_attempt_at = :next, last_error = :error, given_up_at = :givenUp where id = :id")
        .param("attempts", attempts)
        .param("next", Timestamp.from(now.plus(wait)))
        .param("error", error.length() > 300 ? error.substring(0, 300) : error)
        .param("givenUp", givingUp ? Timestamp.from(now) : null)
        .param("id", due.id())
        .update();
    return givingUp;
  }
}
