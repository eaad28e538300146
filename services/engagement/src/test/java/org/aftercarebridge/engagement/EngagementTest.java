package org.aftercarebridge.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.aftercarebridge.engagement.EngagementFigures.EngagedAt;
import org.junit.jupiter.api.Test;

class EngagementTest {

  private static final Instant DAY_ZERO = Instant.parse("2026-01-05T10:00:00Z"); // a Monday
  private static final Instant AS_OF = DAY_ZERO.plus(Duration.ofDays(40));

  /**
   * Six referrals with known answers, all discharged at DAY_ZERO and judged 40 days later (so 7- and
   * 30-day engagement can be counted, 90-day not yet):
   * A attended on day 2 and stays; B attended on day 10, dropped out on day 20; C accepted, contacted
   * after 3 days, never attended; D held for consent; E rejected; F attended on day 5 (contact 1 h).
   */
  private static final List<ReferralJourney> SCENARIO = List.of(
      journey("aa", "US-MA", "clinic-ehr", true, day(0.5), day(1), day(2), null),
      journey("aa", "US-MA", "clinic-ehr", true, day(1), day(1.5), day(10), day(20)),
      journey("smart-recovery", "US-VT", "other-ehr", true, day(1), day(3), null, null),
      journey("smart-recovery", "US-VT", "other-ehr", false, null, null, null, null),
      journey("moderation-management", "US-VT", "clinic-ehr", true, null, null, null, null),
      journey(null, "US-MA", "other-ehr", true, day(0.01), day(0.04), day(5), null));

  @Test
  void overallFiguresOfTheScenario() {
    EngagementFigures figures = Engagement.figures(SCENARIO, AS_OF);

    assertThat(figures.referralsMade()).isEqualTo(6);
    assertThat(figures.consented()).isEqualTo(5);
    assertThat(figures.accepted()).isEqualTo(4);
    assertThat(figures.firstContactWithin48h()).as("A, B and F; C's came on day 3").isEqualTo(3);
    assertThat(figures.firstMeetingAttended()).isEqualTo(3);
    assertThat(figures.droppedOut()).isEqualTo(1);
    assertThat(figures.daysToFirstMeeting().median()).isEqualTo(5.0);
    assertThat(figures.daysToFirstMeeting().p90()).isEqualTo(10.0);
    assertThat(figures.daysToFirstMeeting().distribution())
        .extracting(EngagementFigures.Bucket::count)
        .containsExactly(1, 1, 1, 0, 0);
    assertThat(figures.engagement()).containsExactly(
        new EngagedAt(7, 6, 2, 0.333),   // A and F by day 7
        new EngagedAt(30, 6, 2, 0.333),  // B attended by then but left on day 20
        new EngagedAt(90, 0, 0, null));  // day 90 has not come for anyone
  }

  @Test
  void engagementCountsOnlyReferralsWhoseDayHasCome() {
    ReferralJourney recent = new ReferralJourney("aa", "US-MA", "clinic-ehr", AS_OF.minus(Duration.ofDays(10)), AS_OF.minus(Duration.ofDays(10)),
        true, AS_OF.minus(Duration.ofDays(9)), AS_OF.minus(Duration.ofDays(9)), AS_OF.minus(Duration.ofDays(8)), null);

    List<EngagedAt> engagement = Engagement.figures(List.of(recent), AS_OF).engagement();

    assertThat(engagement.get(0)).isEqualTo(new EngagedAt(7, 1, 1, 1.0));
    assertThat(engagement.get(1)).isEqualTo(new EngagedAt(30, 0, 0, null));
  }

  @Test
  void breakdownsByProgramApproachRegionReferrerAndWeek() {
    EngagementSummary summary = Engagement.summarise(SCENARIO, DAY_ZERO, AS_OF, AS_OF);

    assertThat(summary.byProgram()).containsOnlyKeys("aa", "smart-recovery", "moderation-management", Engagement.UNMATCHED);
    assertThat(summary.byProgram().get("aa").firstMeetingAttended()).isEqualTo(2);
    assertThat(summary.byProgram().get("smart-recovery").consented()).isEqualTo(1);
    assertThat(summary.byApproach().get("secular").referralsMade()).as("SMART twice, MM once").isEqualTo(3);
    assertThat(summary.byApproach().get("moderation").referralsMade()).isEqualTo(1);
    assertThat(summary.byApproach().get("twelve-step").referralsMade()).isEqualTo(2);
    assertThat(summary.byRegion().get("US-VT").referralsMade()).isEqualTo(3);
    assertThat(summary.byReferrer().get("other-ehr").firstMeetingAttended()).isEqualTo(1);
    assertThat(summary.weekly()).extracting(EngagementSummary.Week::program)
        .containsExactly("aa", "moderation-management", "smart-recovery", Engagement.UNMATCHED);
    assertThat(summary.weekly()).allSatisfy(week -> assertThat(week.weekStarting()).hasToString("2026-01-05"));
  }

  @Test
  void percentileIsNearestRank() {
    assertThat(Engagement.percentile(List.of(), 50)).isNull();
    assertThat(Engagement.percentile(List.of(4.0), 90)).isEqualTo(4.0);
    assertThat(Engagement.percentile(List.of(1.0, 2.0, 3.0, 4.0), 50)).isEqualTo(2.0);
    assertThat(Engagement.percentile(List.of(1.0, 2.0, 3.0, 4.0), 90)).isEqualTo(4.0);
  }

  private static Instant day(double days) {
    return DAY_ZERO.plusSeconds(Math.round(days * 86_400));
  }

  private static ReferralJourney journey(
      String program, String region, String referrer, boolean consented, Instant accepted, Instant contact, Instant meeting,
      Instant droppedOut) {
    return new ReferralJourney(program, region, referrer, DAY_ZERO, DAY_ZERO.plusSeconds(600), consented, accepted, contact, meeting,
        droppedOut);
  }
}
