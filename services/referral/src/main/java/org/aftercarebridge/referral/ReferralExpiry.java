package org.aftercarebridge.referral;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Referrals nobody moves: a referral Task still requested, accepted or on hold with no change for
 * {@code overdueAfter} is flagged overdue once (tag, priority raised, the coordinator leads told);
 * after {@code expireAfter} it expires — failed, business status Fulfillment Cancelled, the
 * coordinators and the clinic told. In progress means the person is engaged: that never expires.
 */
@Service
public class ReferralExpiry {

  private static final String SERVICE = "aftercare-bridge";
  private static final String STALLED = "status in ('requested', 'accepted', 'on-hold') and code in ('fulfill', 'choose-group')";

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final Referrals referrals;
  private final ReferralTasks tasks;
  private final Clock clock;
  private final Settings settings;

  /** @param escalations the queue coordinator leads read overdue work from */
  public record Settings(Duration overdueAfter, Duration expireAfter, String escalations) {}

  public ReferralExpiry(
      JdbcClient jdbc, TransactionTemplate transaction, Referrals referrals, ReferralTasks tasks, Clock clock,
      Settings settings) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.referrals = referrals;
    this.tasks = tasks;
    this.clock = clock;
    this.settings = settings;
  }

  /** Flags the Tasks that became overdue (the leads' notices into the outbox, published with the follow-ups); answers how many. */
  public int flagOverdue() {
    List<String> stalled = stalledSince(settings.overdueAfter(), "and overdue_at is null");
    for (String taskId : stalled) {
      transaction.executeWithoutResult(status -> {
        jdbc.sql("update referral_task set overdue_at = :now where id = :id").param("now", Timestamp.from(clock.instant())).param("id", taskId).update();
        Task flagged = tasks.systemChange(taskId, TaskLifecycle::escalate, SERVICE);
        notice(flagged, settings.escalations());
      });
    }
    return stalled.size();
  }

  /** Expires the Tasks inactive for too long; answers the coordinators' notices (already in the outbox). */
  public List<Announcement> expire() {
    List<String> stalled = stalledSince(settings.expireAfter(), "");
    List<Announcement> notices = new ArrayList<>();
    for (String taskId : stalled) {
      notices.add(transaction.execute(status -> {
        Task expired = tasks.systemMove(taskId, TaskStatus.FAILED,
            "expired: no progress for " + settings.expireAfter().toDays() + " days", SERVICE);
        return notice(expired, null);
      }));
    }
    return notices;
  }

  private List<String> stalledSince(Duration inactive, String andAlso) {
    return jdbc.sql("select id from referral_task where " + STALLED + " and last_updated < :before " + andAlso + " order by last_updated limit 100")
        .param("before", Timestamp.from(clock.instant().minus(inactive)))
        .query(String.class)
        .list();
  }

  /** The changed Task alone, to the queue given (null: the referrals queue). */
  private Announcement notice(Task task, String queue) {
    String referralId = jdbc.sql("select referral_id from referral_task where id = :id").param("id", task.getIdElement().getIdPart())
        .query(String.class).single();
    return referrals.announceTask(referralId, task, queue, Instant.now());
  }

}
