package org.aftercarebridge.engagement;

import java.util.List;

/**
 * Engagement of one cohort of referrals. Counts are referrals; rates are fractions (0–1), null when
 * nothing could be counted yet.
 *
 * @param firstContactWithin48h first contact within 48 hours of discharge
 * @param daysToFirstMeeting how long those who attended took to get there
 * @param engagement still engaged at 7, 30 and 90 days after discharge
 */
public record EngagementFigures(
    int referralsMade,
    int consented,
    int accepted,
    int firstContactWithin48h,
    int firstMeetingAttended,
    DaysToFirstMeeting daysToFirstMeeting,
    List<EngagedAt> engagement,
    int droppedOut) {

  /**
   * Days from discharge to the first attended meeting.
   *
   * @param median null when nobody attended yet
   * @param p90 90th percentile (nearest rank)
   */
  public record DaysToFirstMeeting(Double median, Double p90, List<Bucket> distribution) {}

  /** Attendees whose first meeting came {@code fromDay} (inclusive) to {@code toDay} (exclusive; null: open) days after discharge. */
  public record Bucket(String label, int fromDay, Integer toDay, int count) {}

  /**
   * Engagement at {@code days} after discharge: of the referrals whose day {@code days} has passed
   * ({@code eligible}), those who had attended a meeting by then and had not dropped out ({@code engaged}).
   */
  public record EngagedAt(int days, int eligible, int engaged, Double rate) {}
}
