package org.aftercarebridge.engagement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Engagement of the referrals made between {@code from} (inclusive) and {@code to} (exclusive), as it
 * stood at {@code asOf}: overall, by program, approach, region and referring organisation, and week by
 * week per program. A referral counts under every approach of its program (Moderation Management is
 * both moderation and secular), so those rows may add up to more than the whole.
 */
public record EngagementSummary(
    Instant from,
    Instant to,
    Instant asOf,
    EngagementFigures overall,
    Map<String, EngagementFigures> byProgram,
    Map<String, EngagementFigures> byApproach,
    Map<String, EngagementFigures> byRegion,
    Map<String, EngagementFigures> byReferrer,
    List<Week> weekly) {

  /** The referrals of one program made in the week starting (Monday, UTC) {@code weekStarting}. */
  public record Week(LocalDate weekStarting, String program, EngagementFigures figures) {}
}
