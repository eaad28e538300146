package org.aftercarebridge.engagement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The journeys of the referrals made in a period, read from what the referral workflow records: the
 * referral, its Tasks and every status change of them ({@code referral_event}), and the follow-up plan.
 * Referral Tasks are those tried with a group or coordinator ({@code attempt > 0}); follow-up Tasks
 * are found through {@code followup}.
 */
@Repository
public class ReferralJourneys {

  private static final String SQL = """
      select r.program, r.region, r.source_sender, coalesce(r.discharged_at, r.created_at) as day_zero, r.created_at,
        exists (select 1 from referral_task t where t.referral_id = r.id and t.attempt > 0
                and t.code <> 'obtain-consent') as consented,
        (select min(e.occurred_at) from referral_event e join referral_task t on t.id = e.task_id
          where e.referral_id = r.id and t.attempt > 0 and e.to_status = 'accepted') as accepted_at,
        (select min(e.occurred_at) from referral_event e left join followup f on f.task_id = e.task_id
          where e.referral_id = r.id and (e.business_status in ('5.1.1', '5.1.4') or e.to_status = 'in-progress'
                or (f.kind in ('first-contact', 'first-meeting') and e.to_status = 'completed'))) as first_contact_at,
        (select min(e.occurred_at) from referral_event e left join followup f on f.task_id = e.task_id
          where e.referral_id = r.id and (e.business_status = '5.1.4'
                or (f.kind = 'first-meeting' and e.to_status = 'completed'))) as first_meeting_at,
        (select min(e.occurred_at) from referral_event e join referral_task t on t.id = e.task_id
          where e.referral_id = r.id and t.attempt > 0 and e.to_status in ('failed', 'cancelled')
                and e.from_status in ('accepted', 'in-progress', 'on-hold')) as dropped_out_at
      from referral r
      where r.created_at >= :from and r.created_at < :to
      """;

  private final JdbcClient jdbc;

  public ReferralJourneys(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The journeys of the referrals made from {@code from} (inclusive) to {@code to} (exclusive). */
  public List<ReferralJourney> madeBetween(Instant from, Instant to) {
    return jdbc.sql(SQL)
        .param("from", Timestamp.from(from))
        .param("to", Timestamp.from(to))
        .query((rs, n) -> new ReferralJourney(
            rs.getString("program"),
            rs.getString("region"),
            rs.getString("source_sender"),
            instant(rs, "day_zero"),
            instant(rs, "created_at"),
            rs.getBoolean("consented"),
            instant(rs, "accepted_at"),
            instant(rs, "first_contact_at"),
            instant(rs, "first_meeting_at"),
            instant(rs, "dropped_out_at")))
        .list();
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }
}
