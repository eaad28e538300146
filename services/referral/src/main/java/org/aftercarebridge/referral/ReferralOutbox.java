package org.aftercarebridge.referral;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Announcements recorded with their referral and not yet confirmed as published. */
@Repository
public class ReferralOutbox {

  /**
   * How long a sender holds an announcement: longer than a JMS send may block (Artemis's call timeout,
   * 30 s), short enough that what a crashed instance was sending goes out soon after (the sweep takes it then).
   */
  public static final Duration CLAIM = Duration.ofSeconds(35);

  private final JdbcClient jdbc;

  public ReferralOutbox(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Unpublished referral announcements recorded more than {@code grace} ago, oldest first. The grace
   * period leaves fresh ones to the immediate publish that follows each referral. (Follow-ups are
   * the follow-up scheduler's to publish.)
   */
  public List<Announcement> unpublished(Duration grace, int limit) {
    return jdbc.sql(
            "select id, task_id, region, priority, group_key, payload, destination, program, correlation_id from referral_outbox"
                + " where published_at is null and withdrawn_at is null and destination is null and created_at < :before"
                + " and (claimed_until is null or claimed_until < :now) order by created_at limit :limit")
        .param("before", Timestamp.from(Instant.now().minus(grace)))
        .param("now", Timestamp.from(Instant.now()))
        .param("limit", limit)
        .query(ReferralOutbox::announcement)
        .list();
  }

  /**
   * Unpublished follow-up Tasks and escalations (announcements that name their queue), oldest first:
   * the follow-up scheduler publishes them itself, one after the other, so that a person's
   * follow-ups reach the queue in the order they came due even after an instance died mid-way.
   */
  public List<Announcement> unpublishedFollowUps(int limit) {
    return jdbc.sql(
            "select id, task_id, region, priority, group_key, payload, destination, program, correlation_id from referral_outbox"
                + " where published_at is null and withdrawn_at is null and destination is not null order by created_at limit :limit")
        .param("limit", limit)
        .query(ReferralOutbox::announcement)
        .list();
  }

  private static Announcement announcement(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Announcement(
        rs.getString("id"),
        rs.getString("task_id"),
        rs.getString("region"),
        rs.getString("priority"),
        rs.getString("group_key"),
        rs.getString("payload"),
        rs.getString("destination"),
        rs.getString("program"),
        rs.getString("correlation_id"));
  }

  /**
   * Takes the announcement for sending for {@link #CLAIM} (longer than a send may block): false when it
   * is published, withdrawn (a revoked consent) or someone else is sending it. Sends then never race:
   * the broker's duplicate detection drops a repeat that comes after a send, not one alongside it.
   */
  public boolean claim(String announcementId) {
    Instant now = Instant.now();
    return jdbc.sql("update referral_outbox set claimed_until = :until where id = :id and published_at is null and withdrawn_at is null"
            + " and (claimed_until is null or claimed_until < :now)")
        .param("until", Timestamp.from(now.plus(CLAIM)))
        .param("id", announcementId)
        .param("now", Timestamp.from(now))
        .update() == 1;
  }

  /** Gives the announcement up after a failed send, for the sweep to take at once. */
  public void release(String announcementId) {
    jdbc.sql("update referral_outbox set claimed_until = null where id = :id and published_at is null")
        .param("id", announcementId)
        .update();
  }

  public void markPublished(String announcementId) {
    jdbc.sql("update referral_outbox set published_at = :now where id = :id and published_at is null")
        .param("now", Timestamp.from(Instant.now()))
        .param("id", announcementId)
        .update();
  }

}
