package org.aftercarebridge.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PeerGroupMatcherTest {

  static final GeoPoint METHUEN = new GeoPoint(42.7262, -71.1909);
  static final GeoPoint LAWRENCE = new GeoPoint(42.7070, -71.1631); // 3 km from Methuen
  static final GeoPoint ANDOVER = new GeoPoint(42.6583, -71.1368); // 9 km
  static final GeoPoint LOWELL = new GeoPoint(42.6334, -71.3162); // 14 km
  static final GeoPoint BOSTON = new GeoPoint(42.3601, -71.0589); // 42 km
  static final GeoPoint SPRINGFIELD = new GeoPoint(42.1015, -72.5898); // 130 km
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  /** Monday 2026-11-23 10:00 in Massachusetts. */
  static final Instant DISCHARGE = Instant.parse("2026-11-23T15:00:00Z");
  static final Schedule TUESDAY_EVENING = Schedule.weekly(NEW_YORK, Schedule.WeeklyTime.of(DayOfWeek.TUESDAY, 19, 0));

  private final PeerGroupMatcher matcher = new PeerGroupMatcher(MatchingPolicy.DEFAULTS);

  static PeerGroup group(String id, RecoveryProgram program, MeetingFormat format, GeoPoint where, Trait... traits) {
    return group(id, program, format, where, Set.of("en"), TUESDAY_EVENING, traits);
  }

  static PeerGroup group(
      String id, RecoveryProgram program, MeetingFormat format, GeoPoint where, Set<String> languages, Schedule schedule,
      Trait... traits) {
    return PeerGroup.of(id, id, program, format, Set.of(traits), languages, where, schedule);
  }

  static PeerGroup aa(String id, GeoPoint where, Trait... traits) {
    return group(id, RecoveryProgram.AA, MeetingFormat.IN_PERSON, where, traits);
  }

  static Person.Builder person() {
    return Person.builder(DISCHARGE).home(METHUEN).substances(Substance.ALCOHOL);
  }

  private MatchResult match(Person person, PeerGroup... groups) {
    return matcher.match(person, new PeerGroupIndex(List.of(groups)));
  }

  private static List<String> ids(MatchResult result) {
    return result.matches().stream().map(m -> m.group().id()).toList();
  }

  private static Match only(MatchResult result, String id) {
    return result.matches().stream().filter(m -> m.group().id().equals(id)).findFirst().orElseThrow();
  }

  private static List<String> said(Match match, boolean met) {
    return match.criteria().stream().filter(c -> c.met() == met).map(Criterion::explanation).toList();
  }

  @Nested
  class HardRequirements {

    @Test
    void womensAndMensMeetingsOnlyForThePeopleTheyAdmit() {
      PeerGroup women = aa("women", LAWRENCE, Trait.WOMEN);
      PeerGroup men = aa("men", LAWRENCE, Trait.MEN);
      PeerGroup anyone = aa("anyone", LOWELL);

      assertThat(ids(match(person().gender(Gender.MALE).build(), women, men, anyone))).containsExactly("men", "anyone");
      assertThat(ids(match(person().gender(Gender.FEMALE).build(), women, men, anyone))).containsExactly("women", "anyone");
      assertThat(ids(match(person().gender(Gender.UNKNOWN).build(), women, men, anyone))).containsExactly("anyone");
      // A person whose administrative gender says otherwise can still ask for a women's group.
      MatchResult asked = match(person().gender(Gender.OTHER).identityGroups(Trait.WOMEN).build(), women, men, anyone);
      assertThat(ids(asked)).containsExactly("women", "anyone");
      assertThat(said(only(asked, "women"), true)).contains("women's meeting, which admits the person (asked for one)");
    }

    @Test
    void closedMeetingsOnlyForPeopleWithTheProblemTheyAreAbout() {
      PeerGroup closedAa = aa("closed-aa", LAWRENCE, Trait.CLOSED);
      PeerGroup openAa = aa("open-aa", LAWRENCE, Trait.OPEN);
      PeerGroup closedSmart = group("closed-smart", RecoveryProgram.SMART_RECOVERY, MeetingFormat.IN_PERSON, ANDOVER, Trait.CLOSED);

      Person opioids = Person.builder(DISCHARGE).home(METHUEN).substances(Substance.OPIOIDS).build();
      assertThat(ids(match(opioids, closedAa, openAa, closedSmart))).containsExactly("closed-smart", "open-aa");

      Person alcohol = person().build();
      MatchResult result = match(alcohol, closedAa, openAa, closedSmart);
      assertThat(ids(result)).contains("closed-aa");
      assertThat(said(only(result, "closed-aa"), true))
          .contains("closed meeting for people recovering from alcohol, as the person is");

      Person noDiagnosis = Person.builder(DISCHARGE).home(METHUEN).build();
      assertThat(ids(match(noDiagnosis, closedAa, openAa, closedSmart))).doesNotContain("closed-aa");
    }

    @Test
    void groupsForFamilyAndFriendsAreNeverOfferedToThePersonThemselves() {
      PeerGroup alAnon = group("al-anon", RecoveryProgram.AL_ANON, MeetingFormat.IN_PERSON, LAWRENCE);
      PeerGroup aa = aa("aa", LOWELL);

      assertThat(ids(match(person().build(), alAnon, aa))).containsExactly("aa");
    }

    @Test
    void aRequiredLanguageIsNeverMissedAPreferredOneOnlyRanks() {
      PeerGroup spanish = group("es", RecoveryProgram.AA, MeetingFormat.IN_PERSON, LOWELL, Set.of("es"), TUESDAY_EVENING);
      PeerGroup bilingual = group("en-es", RecoveryProgram.AA, MeetingFormat.IN_PERSON, ANDOVER, Set.of("en", "es"), TUESDAY_EVENING);
      PeerGroup english = aa("en", LAWRENCE);

      MatchResult required = match(person().language("es").languageRequired(true).build(), english, spanish, bilingual);
      assertThat(ids(required)).containsExactly("en-es", "es");
      assertThat(said(only(required, "es"), true)).contains("meets in es, as required");

      MatchResult preferred = match(person().language("es").build(), english, spanish, bilingual);
      assertThat(ids(preferred)).containsExactly("en-es", "es", "en");
      assertThat(said(only(preferred, "en"), false)).contains("does not meet in es");
    }

    @Test
    void wheelchairAccessIsRequiredToAttendInPersonNotOnline() {
      PeerGroup stairs = aa("stairs", LAWRENCE);
      PeerGroup ramp = aa("ramp", LOWELL, Trait.WHEELCHAIR_ACCESSIBLE);
      PeerGroup hybridStairs = group("hybrid-stairs", RecoveryProgram.AA, MeetingFormat.HYBRID, ANDOVER);

      MatchResult result = match(person().needs(Trait.WHEELCHAIR_ACCESSIBLE).build(), stairs, ramp, hybridStairs);

      assertThat(ids(result)).containsExactlyInAnyOrder("ramp", "hybrid-stairs");
      assertThat(only(result, "ramp").attendance()).isEqualTo(MeetingFormat.IN_PERSON);
      assertThat(only(result, "hybrid-stairs").attendance()).isEqualTo(MeetingFormat.ONLINE);
      assertThat(said(only(result, "hybrid-stairs"), true)).contains("joined online, so no wheelchair access is needed");
    }

    @Test
    void signLanguageWhenRequired() {
      PeerGroup asl = group("asl", RecoveryProgram.AA, MeetingFormat.ONLINE, null, Trait.SIGN_LANGUAGE);
      PeerGroup spoken = aa("spoken", LAWRENCE);

      assertThat(ids(match(person().needs(Trait.SIGN_LANGUAGE).build(), asl, spoken))).containsExactly("asl");
    }

    @Test
    void aPersonWhoCannotTravelIsOfferedOnlyWhatTheyCanJoinOnline() {
      PeerGroup nearby = aa("nearby", LAWRENCE);
      PeerGroup online = group("online", RecoveryProgram.SMART_RECOVERY, MeetingFormat.ONLINE, null);
      PeerGroup hybrid = group("hybrid", RecoveryProgram.AA, MeetingFormat.HYBRID, LOWELL);

      MatchResult result = match(person().formats(MeetingFormat.ONLINE).build(), nearby, online, hybrid);

      assertThat(ids(result)).containsExactlyInAnyOrder("online", "hybrid");
      assertThat(result.matches()).allSatisfy(m -> assertThat(m.attendance()).isEqualTo(MeetingFormat.ONLINE));
      assertThat(said(only(result, "hybrid"), true)).contains("meets online, as the person cannot travel to meetings");
    }

    @Test
    void whenNoGroupSatisfiesTheAnswerSaysSoAndOffersOnlineOrOneOnOneInstead() {
      PeerGroup stairs = aa("stairs", LAWRENCE);
      PeerGroup farRamp = aa("far-ramp", SPRINGFIELD, Trait.WHEELCHAIR_ACCESSIBLE);
      PeerGroup online = group("online", RecoveryProgram.SMART_RECOVERY, MeetingFormat.ONLINE, null);
      PeerGroup peer = group("peer", RecoveryProgram.PEER_RECOVERY_SUPPORT, MeetingFormat.IN_PERSON, BOSTON, Set.of("en"),
          Schedule.BY_APPOINTMENT);
      Person inPersonOnly = person().formats(MeetingFormat.IN_PERSON).needs(Trait.WHEELCHAIR_ACCESSIBLE).build();

      MatchResult result = match(inPersonOnly, stairs, farRamp, online, peer);

      assertThat(result.requirementsMet()).isFalse();
      assertThat(result.summary())
          .startsWith("No group satisfies every requirement (1 group meet at places without wheelchair access)")
          .endsWith("offering online groups and one-on-one peer support instead");
      assertThat(ids(result)).containsExactlyInAnyOrder("online", "peer");
      assertThat(result.matches()).allSatisfy(m -> assertThat(said(m, false)).anyMatch(s -> s.startsWith("offered instead")));
    }

    @Test
    void whenNothingAtAllAdmitsThePersonTheAnswerIsEmptyAndSaysWhatToDo() {
      PeerGroup english = aa("en", LAWRENCE);
      PeerGroup onlineEnglish = group("online", RecoveryProgram.SMART_RECOVERY, MeetingFormat.ONLINE, null);

      MatchResult result = match(person().language("tl").languageRequired(true).build(), english, onlineEnglish);

      assertThat(result.requirementsMet()).isFalse();
      assertThat(result.matches()).isEmpty();
      assertThat(result.summary())
          .contains("2 groups do not meet in a required language")
          .endsWith("a coordinator should arrange one-on-one peer support");
    }
  }

  @Nested
  class SoftCriteria {

    @Test
    void programAndSubstanceFit() {
      PeerGroup na = group("na", RecoveryProgram.NA, MeetingFormat.IN_PERSON, LAWRENCE);
      PeerGroup aa = aa("aa", LAWRENCE);

      MatchResult result = match(person().build(), na, aa);

      assertThat(ids(result)).containsExactly("aa", "na");
      assertThat(said(only(result, "aa"), true)).contains("Alcoholics Anonymous is about alcohol, as the person's diagnosis");
      assertThat(said(only(result, "na"), false)).anyMatch(s -> s.startsWith("Narcotics Anonymous is about"));
    }

    @Test
    void philosophy() {
      PeerGroup aa = aa("aa", LAWRENCE);
      PeerGroup smart = group("smart", RecoveryProgram.SMART_RECOVERY, MeetingFormat.IN_PERSON, ANDOVER);
      PeerGroup secularAa = aa("secular-aa", LOWELL, Trait.SECULAR);

      MatchResult result = match(person().approaches(Approach.SECULAR).build(), aa, smart, secularAa);

      assertThat(ids(result)).containsExactly("smart", "secular-aa", "aa");
      assertThat(said(only(result, "aa"), false)).contains("twelve-step, spiritual; the person prefers secular");
    }

    @Test
    void identityAndCulture() {
      PeerGroup lgbtq = aa("lgbtq", LOWELL, Trait.LGBTQ);
      PeerGroup general = aa("general", LAWRENCE);

      MatchResult result = match(person().identityGroups(Trait.LGBTQ).build(), general, lgbtq);

      assertThat(ids(result)).containsExactly("lgbtq", "general");
      assertThat(said(only(result, "general"), false)).contains("not a group for lgbtq, which the person asked for");
    }

    @Test
    void newcomerFriendliness() {
      PeerGroup newcomer = aa("newcomer", LOWELL, Trait.NEWCOMER);
      PeerGroup regular = aa("regular", LOWELL);

      MatchResult result = match(person().build(), regular, newcomer);

      assertThat(ids(result)).containsExactly("newcomer", "regular");
      assertThat(said(only(result, "regular"), false)).contains("not marked as a newcomer meeting");
    }

    @Test
    void socialAnxietyFavoursGentleStarts() {
      PeerGroup discussion = aa("discussion", LAWRENCE, Trait.DISCUSSION);
      PeerGroup speaker = aa("speaker", LOWELL, Trait.SPEAKER);
      PeerGroup peer = group("peer", RecoveryProgram.PEER_RECOVERY_SUPPORT, MeetingFormat.IN_PERSON, ANDOVER, Set.of("en"),
          Schedule.BY_APPOINTMENT);

      MatchResult anxious = match(person().socialAnxiety(true).gentleStarts(Trait.ONE_ON_ONE).build(), discussion, speaker, peer);
      assertThat(ids(anxious).get(0)).isEqualTo("peer");

      MatchResult anyGentle = match(person().socialAnxiety(true).build(), discussion, speaker);
      assertThat(ids(anyGentle)).containsExactly("speaker", "discussion");
      assertThat(said(only(anyGentle, "speaker"), true)).contains("a gentle start for social anxiety: speaker");

      assertThat(ids(match(person().build(), discussion, speaker))).containsExactly("discussion", "speaker");
    }

    @Test
    void nextStartAfterDischargeInTheGroupsTimeZone() {
      // Discharged Monday 10:00 in Boston. 19:00 Monday in Los Angeles is 22:00 in Boston, still Monday: sooner
      // than Tuesday 19:00 in Boston.
      PeerGroup tuesdayBoston = group("tuesday-boston", RecoveryProgram.AA, MeetingFormat.ONLINE, null);
      PeerGroup mondayLa = group("monday-la", RecoveryProgram.AA, MeetingFormat.ONLINE, null, Set.of("en"),
          Schedule.weekly(ZoneId.of("America/Los_Angeles"), Schedule.WeeklyTime.of(DayOfWeek.MONDAY, 19, 0)));
      PeerGroup mondayMorningBoston = group("monday-9am", RecoveryProgram.AA, MeetingFormat.ONLINE, null, Set.of("en"),
          Schedule.weekly(NEW_YORK, Schedule.WeeklyTime.of(DayOfWeek.MONDAY, 9, 0)));

      MatchResult result = match(person().formats(MeetingFormat.ONLINE).build(), tuesdayBoston, mondayLa, mondayMorningBoston);

      assertThat(ids(result)).containsExactly("monday-la", "tuesday-boston", "monday-9am");
      assertThat(only(result, "monday-la").nextStart()).hasToString("2026-11-23T19:00-08:00[America/Los_Angeles]");
      assertThat(only(result, "monday-9am").nextStart()).hasToString("2026-11-30T09:00-05:00[America/New_York]");
      assertThat(said(only(result, "monday-la"), true))
          .contains("next meeting 2026-11-23 19:00 America/Los_Angeles, 12 h after the person can start");
    }

    @Test
    void availabilityWindowsLeaveOutMeetingsAtOtherTimes() {
      PeerGroup evening = aa("evening", LOWELL);
      PeerGroup morning = group("morning", RecoveryProgram.AA, MeetingFormat.IN_PERSON, LAWRENCE, Set.of("en"),
          Schedule.weekly(NEW_YORK, Schedule.WeeklyTime.of(DayOfWeek.WEDNESDAY, 7, 30)));
      Person eveningsOnly = person().availability(new Person.Availability(null, LocalTime.of(18, 0), LocalTime.of(21, 0))).build();

      MatchResult result = match(eveningsOnly, morning, evening);

      assertThat(ids(result)).containsExactly("evening", "morning");
      assertThat(only(result, "morning").nextStart()).isNull();
      assertThat(said(only(result, "morning"), false)).contains("meets [Wed 07:30], outside the times the person can go");
    }

    @Test
    void distance() {
      MatchResult result = match(person().build(), aa("lowell", LOWELL), aa("lawrence", LAWRENCE), aa("andover", ANDOVER));

      assertThat(ids(result)).containsExactly("lawrence", "andover", "lowell");
      assertThat(only(result, "lawrence").distanceKm()).isEqualTo(3.1);
      assertThat(said(only(result, "lawrence"), true)).contains("meets 3.1 km from the person's starting point");
    }

    @Test
    void cost() {
      PeerGroup donation = aa("donation", LAWRENCE);
      PeerGroup free = group("free", RecoveryProgram.SMART_RECOVERY, MeetingFormat.IN_PERSON, LAWRENCE);
      PeerGroup fee = group("fee", RecoveryProgram.PEER_RECOVERY_SUPPORT, MeetingFormat.IN_PERSON, LAWRENCE, Set.of("en"),
          TUESDAY_EVENING).withCost(Cost.FEE);

      MatchResult result = match(person().costLimit(Cost.FREE).build(), donation, free, fee);

      assertThat(said(only(result, "free"), true)).contains("free, within what the person can pay");
      assertThat(said(only(result, "donation"), false)).contains("voluntary donation; the person can pay at most: free");
      assertThat(said(only(result, "fee"), false)).contains("fee; the person can pay at most: free");
      assertThat(only(result, "free").score()).isGreaterThan(only(result, "donation").score());
    }

    @Test
    void everyOfferedGroupListsEveryCriterionMetAndMissed() {
      Person person = person().approaches(Approach.TWELVE_STEP).identityGroups(Trait.YOUNG_PEOPLE).socialAnxiety(true).build();

      Match match = match(person, aa("aa", LAWRENCE)).matches().get(0);

      assertThat(match.criteria()).extracting(Criterion::name).containsExactly(
          "program", "philosophy", "identity", "language", "newcomer", "social-anxiety", "schedule", "distance", "cost");
      assertThat(match.score()).isBetween(0.0, 1.0);
    }
  }

  @Nested
  class Search {

    @Test
    void theRadiusGrowsUntilEnoughGroupsFit() {
      List<PeerGroup> groups = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        groups.add(aa("near-" + i, LAWRENCE));
      }
      for (int i = 0; i < 12; i++) {
        groups.add(aa("lowell-" + i, LOWELL));
      }
      groups.add(aa("boston", BOSTON));
      PeerGroupMatcher wide = new PeerGroupMatcher(MatchingPolicy.DEFAULTS.withLimit(50));

      MatchResult result = wide.match(person().build(), new PeerGroupIndex(groups));

      assertThat(result.radiusKm()).isEqualTo(20.0);
      assertThat(ids(result)).hasSize(15).doesNotContain("boston");
      assertThat(result.summary()).isEqualTo("15 groups fit: 15 in person within 20 km");
    }

    @Test
    void onlineGroupsFillInWhereNothingIsNear() {
      PeerGroup online = group("online", RecoveryProgram.AA, MeetingFormat.ONLINE, null);
      PeerGroup far = aa("springfield", SPRINGFIELD);

      MatchResult rural = match(person().build(), online, far);
      assertThat(ids(rural)).containsExactly("online");
      assertThat(result(rural)).isEqualTo("1 group fits: 0 in person within 40 km; online groups offered");

      List<PeerGroup> plenty = new ArrayList<>(List.of(online));
      for (int i = 0; i < 10; i++) {
        plenty.add(aa("near-" + i, LAWRENCE));
      }
      MatchResult town = matcher.match(person().build(), new PeerGroupIndex(plenty), 20);
      assertThat(ids(town)).hasSize(10).doesNotContain("online");
    }

    @Test
    void withoutAStartingPointOnlyOnlineGroupsCanBeOffered() {
      Person nowhere = Person.builder(DISCHARGE).substances(Substance.ALCOHOL).build();

      MatchResult result = match(nowhere, aa("in-person", LAWRENCE), group("online", RecoveryProgram.AA, MeetingFormat.ONLINE, null));

      assertThat(ids(result)).containsExactly("online");
      assertThat(result.summary()).contains("no starting point was sent");
    }

    @Test
    void equalScoresAreOrderedByIdWhateverTheInputOrder() {
      List<PeerGroup> groups = new ArrayList<>();
      for (String id : List.of("c", "a", "d", "b")) {
        groups.add(aa(id, LAWRENCE));
      }
      for (int attempt = 0; attempt < 5; attempt++) {
        Collections.shuffle(groups);
        assertThat(ids(match(person().build(), groups.toArray(PeerGroup[]::new)))).containsExactly("a", "b", "c", "d");
      }
    }

    /**
     * The online search stops at the first meeting that can no longer beat the groups it holds; it
     * must still find exactly what scoring every group would, for every kind of person and schedule.
     */
    @Test
    void theOnlineSearchFindsWhatScoringEveryGroupWouldFind() {
      Random random = new Random(42);
      ZoneId[] zones = {NEW_YORK, ZoneId.of("America/Chicago"), ZoneId.of("America/Los_Angeles"), ZoneId.of("Europe/Berlin"), null};
      RecoveryProgram[] programs = RecoveryProgram.values();
      Trait[] traits = {Trait.NEWCOMER, Trait.WOMEN, Trait.MEN, Trait.LGBTQ, Trait.CLOSED, Trait.SPEAKER, Trait.SMALL_GROUP, Trait.SIGN_LANGUAGE};
      List<PeerGroup> groups = new ArrayList<>();
      for (int i = 0; i < 600; i++) {
        List<Schedule.WeeklyTime> times = new ArrayList<>();
        int meetings = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(3);
        for (int t = 0; t < meetings; t++) {
          times.add(Schedule.WeeklyTime.of(DayOfWeek.of(1 + random.nextInt(7)), random.nextInt(24), 15 * random.nextInt(4)));
        }
        Set<Trait> has = EnumSet.noneOf(Trait.class);
        for (Trait trait : traits) {
          if (random.nextInt(5) == 0) {
            has.add(trait);
          }
        }
        groups.add(PeerGroup.of("g" + i, "Group " + i, programs[random.nextInt(programs.length)],
            random.nextBoolean() ? MeetingFormat.ONLINE : MeetingFormat.HYBRID, has,
            random.nextInt(4) == 0 ? Set.of("es") : Set.of("en"), null, new Schedule(times, zones[random.nextInt(zones.length)])));
      }
      PeerGroupIndex index = new PeerGroupIndex(groups);
      for (int p = 0; p < 300; p++) {
        Person.Builder builder = Person.builder(DISCHARGE.plusSeconds(random.nextInt(7 * 24 * 3600)))
            .gender(Gender.values()[random.nextInt(Gender.values().length)])
            .formats(MeetingFormat.ONLINE);
        if (random.nextBoolean()) {
          builder.substances(Substance.values()[random.nextInt(Substance.values().length)]);
        }
        if (random.nextInt(3) == 0) {
          builder.identityGroups(Trait.LGBTQ);
        }
        if (random.nextInt(4) == 0) {
          builder.language("es").languageRequired(random.nextBoolean());
        }
        if (random.nextInt(3) == 0) {
          builder.socialAnxiety(true);
        }
        if (random.nextInt(3) == 0) {
          builder.availability(new Person.Availability(random.nextBoolean() ? null : DayOfWeek.of(1 + random.nextInt(7)),
              LocalTime.of(17, 0), LocalTime.of(21, 0)));
        }
        Person person = builder.build();
        int limit = 1 + random.nextInt(8);

        MatchResult result = matcher.match(person, index, limit);

        Scorer scorer = new Scorer(person, MatchingPolicy.DEFAULTS, MatchingPolicy.DEFAULTS.maxTravelKm());
        List<PeerGroup> admitted = groups.stream().filter(g -> Admission.refusal(person, g) == null).toList();
        List<String> expected = admitted.stream()
            .sorted(java.util.Comparator.<PeerGroup>comparingDouble(g -> -scorer.score(g, MeetingFormat.ONLINE, Double.POSITIVE_INFINITY, null))
                .thenComparingInt(scorer::minutesUntilNext)
                .thenComparing(PeerGroup::id))
            .limit(limit)
            .map(PeerGroup::id)
            .toList();
        assertThat(ids(result)).as("person %d", p).isEqualTo(expected);
        assertThat(result.summary()).as("person %d", p)
            .startsWith(admitted.isEmpty() ? "No group" : admitted.size() + (admitted.size() == 1 ? " group fits" : " groups fit"));
      }
    }

    private String result(MatchResult result) {
      return result.summary();
    }
  }
}
