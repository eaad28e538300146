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
            "select id, task_id, region, priority, group_key, payload, destination, program from referral_outbox"
                + " where published_at is null and withdrawn_at is null and destination is null and created_at < :before"
                + " order by created_at limit :limit")
        .param("before", Timestamp.from(Instant.now().minus(grace)))
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
            "select id, task_id, region, priority, group_key, payload, destination, program from referral_outbox"
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
        rs.getString("program"));
  }

  /** False once published or withdrawn (a revoked consent): then it must not be sent. */
  public boolean publishable(String announcementId) {
    return jdbc.sql("select count(*) from referral_outbox where id = :id and published_at is null and withdrawn_at is null")
        .param("id", announcementId)
        .query(Integer.class)
        .single() == 1;
  }

  public void markPublished(String announcementId) {
    jdbc.sql("update referral_outbox set published_at = :now where id = :id and published_at is null")
        .param("now", Timestamp.from(Instant.now()))
        .param("id", announcementId)
        .update();
  }

}
