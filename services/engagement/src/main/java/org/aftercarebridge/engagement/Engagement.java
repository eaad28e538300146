package org.aftercarebridge.engagement;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.aftercarebridge.engagement.EngagementFigures.Bucket;
import org.aftercarebridge.engagement.EngagementFigures.DaysToFirstMeeting;
import org.aftercarebridge.engagement.EngagementFigures.EngagedAt;
import org.aftercarebridge.matching.Approach;
import org.aftercarebridge.matching.RecoveryProgram;

/**
 * The engagement figures of a cohort of referrals, from their journeys. Plain arithmetic over what
 * was recorded; every "within" is counted from discharge, as the follow-up plan is.
 */
public final class Engagement {

  /** Programs of referrals no group was matched to (a coordinator chooses). */
  public static final String UNMATCHED = "unmatched";
  static final Duration FIRST_CONTACT_WINDOW = Duration.ofHours(48);
  static final List<Integer> ENGAGEMENT_DAYS = List.of(7, 30, 90);
  private static final int[] BUCKET_STARTS = {0, 3, 8, 15, 31};
  private static final double DAY_SECONDS = 86_400;

  private Engagement() {}

  public static EngagementSummary summarise(List<ReferralJourney> journeys, Instant from, Instant to, Instant asOf) {
    return new EngagementSummary(
        from, to, asOf,
        figures(journeys, asOf),
        by(journeys, asOf, journey -> List.of(program(journey))),
        by(journeys, asOf, Engagement::approaches),
        by(journeys, asOf, journey -> List.of(journey.region())),
        by(journeys, asOf, journey -> List.of(journey.referrer())),
        weekly(journeys, asOf));
  }

  public static EngagementFigures figures(List<ReferralJourney> journeys, Instant asOf) {
    List<Double> daysToMeeting = new ArrayList<>();
    int consented = 0;
    int accepted = 0;
    int contacted = 0;
    int droppedOut = 0;
    for (ReferralJourney journey : journeys) {
      consented += journey.consented() ? 1 : 0;
      accepted += journey.acceptedAt() != null ? 1 : 0;
      contacted += within(journey.firstContactAt(), journey.dayZero(), FIRST_CONTACT_WINDOW) ? 1 : 0;
      droppedOut += journey.droppedOutAt() != null ? 1 : 0;
      if (journey.firstMeetingAt() != null) {
        daysToMeeting.add(days(journey.dayZero(), journey.firstMeetingAt()));
      }
    }
    List<EngagedAt> engagement = ENGAGEMENT_DAYS.stream().map(days -> engagedAt(journeys, days, asOf)).toList();
    return new EngagementFigures(
        journeys.size(), consented, accepted, contacted, daysToMeeting.size(), daysToFirstMeeting(daysToMeeting), engagement, droppedOut);
  }

  /** Engaged at day N: attended a meeting by then and not dropped out by then; counted only once day N has passed. */
  static EngagedAt engagedAt(List<ReferralJourney> journeys, int days, Instant asOf) {
    int eligible = 0;
    int engaged = 0;
    for (ReferralJourney journey : journeys) {
      Instant dayN = journey.dayZero().plus(Duration.ofDays(days));
      if (dayN.isAfter(asOf)) {
        continue;
      }
      eligible++;
      boolean attended = journey.firstMeetingAt() != null && !journey.firstMeetingAt().isAfter(dayN);
      boolean stayed = journey.droppedOutAt() == null || journey.droppedOutAt().isAfter(dayN);
      engaged += attended && stayed ? 1 : 0;
    }
    return new EngagedAt(days, eligible, engaged, rate(engaged, eligible));
  }

  static DaysToFirstMeeting daysToFirstMeeting(List<Double> days) {
    List<Double> sorted = days.stream().sorted().toList();
    List<Bucket> distribution = new ArrayList<>();
    for (int i = 0; i < BUCKET_STARTS.length; i++) {
      int fromDay = BUCKET_STARTS[i];
      Integer toDay = i + 1 < BUCKET_STARTS.length ? BUCKET_STARTS[i + 1] : null;
      int count = (int) sorted.stream().filter(d -> d >= fromDay && (toDay == null || d < toDay)).count();
      String label = toDay == null ? fromDay + "+ days" : fromDay + "–" + (toDay - 1) + " days";
      distribution.add(new Bucket(label, fromDay, toDay, count));
    }
    return new DaysToFirstMeeting(percentile(sorted, 50), percentile(sorted, 90), distribution);
  }

  /** Nearest-rank percentile of sorted values; null for none. */
  static Double percentile(List<Double> sorted, int percent) {
    if (sorted.isEmpty()) {
      return null;
    }
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return sorted.get(Math.max(rank, 1) - 1);
  }

  /** Figures per key; a journey with several keys counts under each. */
  private static Map<String, EngagementFigures> by(
      List<ReferralJourney> journeys, Instant asOf, Function<ReferralJourney, List<String>> keys) {
    Map<String, List<ReferralJourney>> groups = new TreeMap<>();
    for (ReferralJourney journey : journeys) {
      for (String key : keys.apply(journey)) {
        groups.computeIfAbsent(key, k -> new ArrayList<>()).add(journey);
      }
    }
    Map<String, EngagementFigures> figures = new TreeMap<>();
    groups.forEach((name, members) -> figures.put(name, figures(members, asOf)));
    return figures;
  }

  private static List<EngagementSummary.Week> weekly(List<ReferralJourney> journeys, Instant asOf) {
    Map<LocalDate, Map<String, List<ReferralJourney>>> weeks = new TreeMap<>();
    for (ReferralJourney journey : journeys) {
      LocalDate week = LocalDate.ofInstant(journey.madeAt(), ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      weeks.computeIfAbsent(week, w -> new TreeMap<>()).computeIfAbsent(program(journey), p -> new ArrayList<>()).add(journey);
    }
    List<EngagementSummary.Week> weekly = new ArrayList<>();
    weeks.forEach((week, programs) -> programs.forEach(
        (program, members) -> weekly.add(new EngagementSummary.Week(week, program, figures(members, asOf)))));
    weekly.sort(Comparator.comparing(EngagementSummary.Week::weekStarting).thenComparing(EngagementSummary.Week::program));
    return weekly;
  }

  private static String program(ReferralJourney journey) {
    return journey.program() == null ? UNMATCHED : journey.program();
  }

  /** The approaches of the referral's program; "unspecified" for programs without one (peer supporters, All Recovery). */
  private static List<String> approaches(ReferralJourney journey) {
    List<String> codes = RecoveryProgram.fromCode(journey.program()).stream()
        .flatMap(program -> program.approaches().stream())
        .sorted()
        .map(Approach::code)
        .toList();
    return codes.isEmpty() ? List.of(journey.program() == null ? UNMATCHED : "unspecified") : codes;
  }

  private static boolean within(Instant at, Instant start, Duration window) {
    return at != null && !at.isAfter(start.plus(window));
  }

  private static double days(Instant start, Instant end) {
    double days = Math.max(0, Duration.between(start, end).getSeconds()) / DAY_SECONDS;
    return Math.round(days * 10) / 10.0;
  }

  private static Double rate(int part, int whole) {
    return whole == 0 ? null : Math.round(1000.0 * part / whole) / 1000.0;
  }
}
