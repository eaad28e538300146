package org.aftercarebridge.integration.matching;

import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.aftercarebridge.matching.Approach;
import org.aftercarebridge.matching.MeetingFormat;
import org.aftercarebridge.matching.Person;
import org.aftercarebridge.matching.Trait;

/**
 * What the person said they want, in a line a coordinator reads before calling them (a note of the
 * referral Task, next to why each group was offered). Only their stated preferences: no diagnosis,
 * nothing that identifies them.
 */
public final class PreferencesSummary {

  private PreferencesSummary() {}

  /** "Preferences: …", or null when the person stated none. */
  public static String of(Person person) {
    List<String> said = new ArrayList<>();
    if (!person.approaches().isEmpty()) {
      said.add(person.approaches().stream().sorted().map(Approach::label).collect(Collectors.joining(" or ")));
    }
    if (!person.identityGroups().isEmpty()) {
      said.add("groups for " + codes(person.identityGroups()));
    }
    if (!person.languages().isEmpty()) {
      said.add("in " + String.join(" or ", person.languages()) + (person.languageRequired() ? " (required)" : ""));
    }
    if (!person.formats().isEmpty()) {
      said.add(person.formats().stream().sorted().map(MeetingFormat::code).collect(Collectors.joining(" or "))
          + (person.maxTravelKm() != null && person.canAttendInPerson() ? ", at most " + Math.round(person.maxTravelKm()) + " km away" : ""));
    } else if (person.maxTravelKm() != null) {
      said.add("at most " + Math.round(person.maxTravelKm()) + " km away");
    }
    if (!person.needs().isEmpty()) {
      said.add("needs " + codes(person.needs()));
    }
    if (!person.availability().isEmpty()) {
      said.add("can go " + person.availability().stream().map(PreferencesSummary::when).collect(Collectors.joining(", ")));
    }
    if (person.costLimit() != null) {
      said.add("can pay: " + person.costLimit().label());
    }
    if (person.socialAnxiety()) {
      said.add("groups make them anxious" + (person.gentleStarts().isEmpty() ? "" : "; easier: " + codes(person.gentleStarts())));
    }
    return said.isEmpty() ? null : "Preferences: " + String.join("; ", said);
  }

  private static String codes(java.util.Set<Trait> traits) {
    return traits.stream().sorted().map(Trait::code).collect(Collectors.joining(", "));
  }

  private static String when(Person.Availability window) {
    String day = window.day() == null ? "any day" : window.day().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    return day + " " + window.from() + "–" + window.to();
  }
}
