package org.aftercarebridge.matching;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What matching knows of the person being referred, from their discharge and their answers to the
 * aftercare-preferences Questionnaire. Nothing here identifies them; every preference is optional.
 *
 * @param substances substance classes from their diagnoses; empty when none was sent
 * @param identityGroups groups for a gender, identity, age or culture they asked for
 * @param languages languages they are comfortable in, preferred first (BCP-47 primary tags, lower case)
 * @param languageRequired only groups in one of {@code languages} will do
 * @param home where they start from; null when unknown
 * @param maxTravelKm how far they can travel; null for the policy's default
 * @param formats how they can meet; empty means any (only {@code ONLINE}: they cannot travel)
 * @param needs accessibility they require ({@link Trait#WHEELCHAIR_ACCESSIBLE}, {@link Trait#SIGN_LANGUAGE})
 * @param approaches philosophies they are drawn to
 * @param availability when they can go; empty means any time
 * @param costLimit the most they can pay; null for the policy's default
 * @param gentleStarts settings that would make a first meeting easier (asked when groups make them anxious)
 * @param availableFrom when they can start going (discharge, or now when the news came late)
 */
public record Person(
    Set<Substance> substances,
    Gender gender,
    Set<Trait> identityGroups,
    List<String> languages,
    boolean languageRequired,
    GeoPoint home,
    Double maxTravelKm,
    Set<MeetingFormat> formats,
    Set<Trait> needs,
    Set<Approach> approaches,
    List<Availability> availability,
    Cost costLimit,
    boolean socialAnxiety,
    Set<Trait> gentleStarts,
    Instant availableFrom) {

  public Person {
    Objects.requireNonNull(gender, "gender");
    Objects.requireNonNull(availableFrom, "availableFrom");
    substances = Set.copyOf(substances);
    identityGroups = Set.copyOf(identityGroups);
    languages = List.copyOf(languages);
    formats = Set.copyOf(formats);
    needs = Set.copyOf(needs);
    approaches = Set.copyOf(approaches);
    availability = List.copyOf(availability);
    gentleStarts = Set.copyOf(gentleStarts);
  }

  public static Builder builder(Instant availableFrom) {
    return new Builder(availableFrom);
  }

  /** The same person, searched for from another starting point. */
  public Person withHome(GeoPoint newHome) {
    return new Person(
        substances, gender, identityGroups, languages, languageRequired, newHome, maxTravelKm, formats, needs, approaches,
        availability, costLimit, socialAnxiety, gentleStarts, availableFrom);
  }

  public boolean canAttendInPerson() {
    return formats.isEmpty() || formats.contains(MeetingFormat.IN_PERSON) || formats.contains(MeetingFormat.HYBRID);
  }

  public boolean canAttendOnline() {
    return formats.isEmpty() || formats.contains(MeetingFormat.ONLINE) || formats.contains(MeetingFormat.HYBRID);
  }

  /** A window in the week when the person can go; {@code day} null means every day. */
  public record Availability(DayOfWeek day, LocalTime from, LocalTime to) {

    public Availability {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }

    boolean admits(Schedule.WeeklyTime time) {
      return (day == null || day == time.day()) && !time.start().isBefore(from) && !time.start().isAfter(to);
    }
  }

  /** Builds a person from whatever is known; everything not set is unknown or "no preference". */
  public static final class Builder {
    private final Instant availableFrom;
    private final Set<Substance> substances = EnumSet.noneOf(Substance.class);
    private Gender gender = Gender.UNKNOWN;
    private final Set<Trait> identityGroups = EnumSet.noneOf(Trait.class);
    private final List<String> languages = new ArrayList<>();
    private boolean languageRequired;
    private GeoPoint home;
    private Double maxTravelKm;
    private final Set<MeetingFormat> formats = EnumSet.noneOf(MeetingFormat.class);
    private final Set<Trait> needs = EnumSet.noneOf(Trait.class);
    private final Set<Approach> approaches = EnumSet.noneOf(Approach.class);
    private final List<Availability> availability = new ArrayList<>();
    private Cost costLimit;
    private boolean socialAnxiety;
    private final Set<Trait> gentleStarts = EnumSet.noneOf(Trait.class);

    private Builder(Instant availableFrom) {
      this.availableFrom = availableFrom;
    }

    public Builder substances(Substance... values) {
      Collections.addAll(substances, values);
      return this;
    }

    public Builder gender(Gender value) {
      gender = value;
      return this;
    }

    public Builder identityGroups(Trait... values) {
      Collections.addAll(identityGroups, values);
      return this;
    }

    public Builder language(String tag) {
      if (!languages.contains(tag)) {
        languages.add(tag);
      }
      return this;
    }

    public Builder languageRequired(boolean value) {
      languageRequired = value;
      return this;
    }

    public Builder home(GeoPoint value) {
      home = value;
      return this;
    }

    public Builder maxTravelKm(Double value) {
      maxTravelKm = value;
      return this;
    }

    public Builder formats(MeetingFormat... values) {
      Collections.addAll(formats, values);
      return this;
    }

    public Builder needs(Trait... values) {
      Collections.addAll(needs, values);
      return this;
    }

    public Builder approaches(Approach... values) {
      Collections.addAll(approaches, values);
      return this;
    }

    public Builder availability(Availability window) {
      availability.add(window);
      return this;
    }

    public Builder costLimit(Cost value) {
      costLimit = value;
      return this;
    }

    public Builder socialAnxiety(boolean value) {
      socialAnxiety = value;
      return this;
    }

    public Builder gentleStarts(Trait... values) {
      Collections.addAll(gentleStarts, values);
      return this;
    }

    public Person build() {
      return new Person(
          substances, gender, identityGroups, languages, languageRequired, home, maxTravelKm, formats, needs, approaches,
          availability, costLimit, socialAnxiety, gentleStarts, availableFrom);
    }
  }
}
