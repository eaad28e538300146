package org.aftercarebridge.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PeerGroupMatcherTest {

  private static final GeoPoint METHUEN = new GeoPoint(42.7262, -71.1909);
  private static final GeoPoint LAWRENCE = new GeoPoint(42.7070, -71.1631);
  private static final GeoPoint LOWELL = new GeoPoint(42.6334, -71.3162);
  private static final GeoPoint BOSTON = new GeoPoint(42.3601, -71.0589);
  private static final GeoPoint SPRINGFIELD = new GeoPoint(42.1015, -72.5898);

  private final PeerGroupMatcher matcher = new PeerGroupMatcher(MatchingRules.DEFAULTS);

  private static PeerGroup inPerson(String id, String program, Set<Substance> focus, GeoPoint where) {
    return new PeerGroup(id, program, focus, MeetingFormat.IN_PERSON, Set.of("en"), where);
  }

  @Test
  void prefersANearbyGroupFocusedOnThePersonsSubstance() {
    PeerGroup aaNearby = inPerson("aa-lawrence", "AA", Set.of(Substance.ALCOHOL), LAWRENCE);
    PeerGroup naNearby = inPerson("na-lawrence", "NA", Set.of(Substance.OPIOIDS), LAWRENCE);
    PeerGroup aaLowell = inPerson("aa-lowell", "AA", Set.of(Substance.ALCOHOL), LOWELL);
    Person person = new Person(Set.of(Substance.ALCOHOL), "en", METHUEN);

    List<Match> ranked = matcher.rank(person, List.of(naNearby, aaLowell, aaNearby), 3);

    assertThat(ranked).extracting(m -> m.group().id()).containsExactly("aa-lawrence", "aa-lowell", "na-lawrence");
    assertThat(ranked.get(0).criteria())
        .extracting(Criterion::name, Criterion::met)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("reach", true),
            org.assertj.core.groups.Tuple.tuple("substance", true),
            org.assertj.core.groups.Tuple.tuple("language", true));
    assertThat(ranked.get(2).criteria())
        .anySatisfy(c -> assertThat(c.explanation()).isEqualTo("NA focuses on opioids"));
  }

  @Test
  void leavesOutInPersonGroupsBeyondTravelDistanceButKeepsOnlineOnes() {
    PeerGroup far = inPerson("aa-springfield", "AA", Set.of(Substance.ALCOHOL), SPRINGFIELD);
    PeerGroup online =
        new PeerGroup("smart-online", "SMART Recovery", Set.of(), MeetingFormat.ONLINE, Set.of("en"), null);
    Person person = new Person(Set.of(Substance.ALCOHOL), "en", METHUEN);

    List<Match> ranked = matcher.rank(person, List.of(far, online), 5);

    assertThat(ranked).extracting(m -> m.group().id()).containsExactly("smart-online");
    assertThat(ranked.get(0).criteria())
        .anySatisfy(c -> assertThat(c.explanation()).isEqualTo("meets online: no travel needed"));
  }

  @Test
  void explainsAMissedLanguageAndAnAssumedOne() {
    PeerGroup spanish =
        new PeerGroup("aa-es", "AA", Set.of(Substance.ALCOHOL), MeetingFormat.ONLINE, Set.of("es"), null);
    Match unknownLanguage = matcher.rank(new Person(Set.of(), null, null), List.of(spanish), 1).get(0);
    assertThat(unknownLanguage.criteria())
        .anySatisfy(
            c -> {
              assertThat(c.name()).isEqualTo("language");
              assertThat(c.met()).isFalse();
              assertThat(c.explanation()).contains("assumed");
            });
    Match spanishSpeaker = matcher.rank(new Person(Set.of(), "es", null), List.of(spanish), 1).get(0);
    assertThat(spanishSpeaker.score()).isGreaterThan(unknownLanguage.score());
  }

  @Test
  void breaksTiesByIdSoResultsAreStable() {
    PeerGroup b = new PeerGroup("b", "SMART Recovery", Set.of(), MeetingFormat.ONLINE, Set.of("en"), null);
    PeerGroup a = new PeerGroup("a", "SMART Recovery", Set.of(), MeetingFormat.ONLINE, Set.of("en"), null);
    assertThat(matcher.rank(new Person(Set.of(), "en", null), List.of(b, a), 2))
        .extracting(m -> m.group().id())
        .containsExactly("a", "b");
  }

  @Test
  void mapsIcd10FamiliesToSubstances() {
    assertThat(Substance.fromIcd10Cm("F10.20")).contains(Substance.ALCOHOL);
    assertThat(Substance.fromIcd10Cm("f11.23")).contains(Substance.OPIOIDS);
    assertThat(Substance.fromIcd10Cm("E11.9")).isEmpty();
    assertThat(Substance.fromIcd10Cm("F1")).isEmpty();
    assertThat(Substance.fromIcd10Cm(null)).isEmpty();
  }

  @Test
  void measuresDistanceAndRejectsImpossiblePositions() {
    assertThat(METHUEN.kilometresTo(BOSTON)).isBetween(40.0, 45.0);
    assertThatThrownBy(() -> new GeoPoint(91, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
