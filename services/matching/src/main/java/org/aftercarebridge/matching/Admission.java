package org.aftercarebridge.matching;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The hard requirements: who a group admits and what the person cannot do without. A group that
 * fails one is never offered, whatever else it has going for it.
 */
final class Admission {

  /** Why a group was not offered, worded for the "no group fits" summary. */
  enum Refusal {
    FAMILY_PROGRAM("are for family and friends"),
    GENDER("are women's or men's meetings for another gender"),
    CLOSED("are closed meetings for another substance"),
    LANGUAGE("do not meet in a required language"),
    SIGN_LANGUAGE("have no sign language"),
    WHEELCHAIR("meet at places without wheelchair access"),
    FORMAT("meet in a way the person cannot attend"),
    DISTANCE("are beyond the travel limit");

    final String phrase;

    Refusal(String phrase) {
      this.phrase = phrase;
    }
  }

  private Admission() {}

  /** Everything {@link #refusal} looks at: groups with the same key admit the same people. */
  record Key(
      boolean forFamilies, boolean women, boolean men, boolean closed, boolean signLanguage, Set<Substance> focus,
      Set<String> languages) {}

  static Key key(PeerGroup group) {
    return new Key(
        group.forFamilies(),
        group.traits().contains(Trait.WOMEN),
        group.traits().contains(Trait.MEN),
        group.traits().contains(Trait.CLOSED),
        group.traits().contains(Trait.SIGN_LANGUAGE),
        group.focus(),
        group.languages());
  }

  /**
   * The first requirement the group fails whatever the way of attending, or null when it admits the
   * person. Reads only what {@link #key} holds.
   */
  static Refusal refusal(Person person, PeerGroup group) {
    if (group.forFamilies()) {
      return Refusal.FAMILY_PROGRAM;
    }
    if (!admitsGender(person, group)) {
      return Refusal.GENDER;
    }
    if (group.traits().contains(Trait.CLOSED) && !sharesFocus(person, group)) {
      return Refusal.CLOSED;
    }
    if (person.languageRequired()
        && !person.languages().isEmpty()
        && Collections.disjoint(person.languages(), group.languages())) {
      return Refusal.LANGUAGE;
    }
    if (person.needs().contains(Trait.SIGN_LANGUAGE) && !group.traits().contains(Trait.SIGN_LANGUAGE)) {
      return Refusal.SIGN_LANGUAGE;
    }
    return null;
  }

  /** Whether the person can get into the place (wheelchair access when they need it). */
  static boolean accessibleInPerson(Person person, PeerGroup group) {
    return !person.needs().contains(Trait.WHEELCHAIR_ACCESSIBLE) || group.traits().contains(Trait.WHEELCHAIR_ACCESSIBLE);
  }

  /** The hard requirements that applied to this group, all met, for the explanation. */
  static void explain(Person person, PeerGroup group, MeetingFormat attendance, List<Criterion> out) {
    boolean women = group.traits().contains(Trait.WOMEN);
    boolean men = group.traits().contains(Trait.MEN);
    if (women || men) {
      out.add(Criterion.met("requirement", (women ? "women's" : "men's") + " meeting, which admits the person ("
          + (person.identityGroups().contains(women ? Trait.WOMEN : Trait.MEN) ? "asked for one" : "gender " + person.gender().name().toLowerCase(java.util.Locale.ROOT)) + ")"));
    }
    if (group.traits().contains(Trait.CLOSED)) {
      out.add(Criterion.met("requirement", group.focus().isEmpty()
          ? "closed meeting, open to anyone in recovery"
          : "closed meeting for people recovering from " + labels(group) + ", as the person is"));
    }
    if (person.languageRequired() && !person.languages().isEmpty()) {
      out.add(Criterion.met("requirement", "meets in " + String.join(" or ", shared(person, group)) + ", as required"));
    }
    if (person.needs().contains(Trait.SIGN_LANGUAGE)) {
      out.add(Criterion.met("requirement", "sign language interpretation, as required"));
    }
    if (person.needs().contains(Trait.WHEELCHAIR_ACCESSIBLE)) {
      out.add(Criterion.met("requirement", attendance == MeetingFormat.IN_PERSON
          ? "wheelchair accessible, as required"
          : "joined online, so no wheelchair access is needed"));
    }
    if (!person.canAttendInPerson()) {
      out.add(Criterion.met("requirement", "meets online, as the person cannot travel to meetings"));
    }
  }

  static boolean sharesFocus(Person person, PeerGroup group) {
    return group.focus().isEmpty() || !Collections.disjoint(person.substances(), group.focus());
  }

  private static boolean admitsGender(Person person, PeerGroup group) {
    boolean women = group.traits().contains(Trait.WOMEN);
    boolean men = group.traits().contains(Trait.MEN);
    if (!women && !men) {
      return true;
    }
    boolean isWoman = person.gender() == Gender.FEMALE || person.identityGroups().contains(Trait.WOMEN);
    boolean isMan = person.gender() == Gender.MALE || person.identityGroups().contains(Trait.MEN);
    return (women && isWoman) || (men && isMan);
  }

  private static List<String> shared(Person person, PeerGroup group) {
    return person.languages().stream().filter(group.languages()::contains).toList();
  }

  static String labels(PeerGroup group) {
    return group.focus().stream().map(Substance::label).collect(Collectors.joining(", "));
  }
}
