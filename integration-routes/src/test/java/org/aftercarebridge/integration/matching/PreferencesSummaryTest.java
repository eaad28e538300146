package org.aftercarebridge.integration.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import org.aftercarebridge.matching.Approach;
import org.aftercarebridge.matching.Cost;
import org.aftercarebridge.matching.MeetingFormat;
import org.aftercarebridge.matching.Person;
import org.aftercarebridge.matching.Substance;
import org.aftercarebridge.matching.Trait;
import org.junit.jupiter.api.Test;

class PreferencesSummaryTest {

  private static final Instant NOW = Instant.parse("2026-11-02T15:00:00Z");

  @Test
  void saysWhatThePersonAskedForAndNothingOfTheirDiagnosis() {
    Person person = Person.builder(NOW)
        .substances(Substance.OPIOIDS)
        .approaches(Approach.SECULAR)
        .identityGroups(Trait.WOMEN)
        .language("es")
        .languageRequired(true)
        .formats(MeetingFormat.IN_PERSON, MeetingFormat.ONLINE)
        .maxTravelKm(10.0)
        .needs(Trait.WHEELCHAIR_ACCESSIBLE)
        .availability(new Person.Availability(DayOfWeek.MONDAY, LocalTime.of(18, 0), LocalTime.of(21, 0)))
        .costLimit(Cost.FREE)
        .socialAnxiety(true)
        .gentleStarts(Trait.NEWCOMER, Trait.SMALL_GROUP)
        .build();

    assertThat(PreferencesSummary.of(person)).isEqualTo("Preferences: secular; groups for women; in es (required);"
        + " in-person or online, at most 10 km away; needs wheelchair-accessible; can go Mon 18:00–21:00; can pay: free;"
        + " groups make them anxious; easier: newcomer, small-group");
    assertThat(PreferencesSummary.of(person)).doesNotContain("opioid");
  }

  @Test
  void nothingSaidIsNoNote() {
    assertThat(PreferencesSummary.of(Person.builder(NOW).build())).isNull();
  }
}
