package org.aftercarebridge.matching;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What matching needs to know of a peer-support group or peer service.
 *
 * @param program recovery-programs code (e.g. {@code aa}); programs matching does not know still match on the rest
 * @param approaches the philosophy of the group
 * @param focus the substances the group is about; empty means any
 * @param forFamilies a group for family and friends (Al-Anon …), never offered to the person themselves
 * @param languages BCP-47 primary language tags it meets in (lower case)
 * @param location where it meets; null for online-only groups and unknown places
 * @param schedule when it meets; {@link Schedule#BY_APPOINTMENT} for peer supporters
 */
public record PeerGroup(
    String id,
    String name,
    String program,
    Set<Approach> approaches,
    Set<Substance> focus,
    boolean forFamilies,
    MeetingFormat format,
    Set<Trait> traits,
    Set<String> languages,
    GeoPoint location,
    Schedule schedule,
    Cost cost) {

  public PeerGroup {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(cost, "cost");
    approaches = immutableEnumSet(approaches, Approach.class);
    focus = immutableEnumSet(focus, Substance.class);
    traits = immutableEnumSet(traits, Trait.class);
    languages = Set.copyOf(languages);
  }

  /** A group of a known program: its philosophy, focus, audience, implied traits and usual cost come from the program. */
  public static PeerGroup of(
      String id,
      String name,
      RecoveryProgram program,
      MeetingFormat format,
      Set<Trait> traits,
      Set<String> languages,
      GeoPoint location,
      Schedule schedule) {
    Set<Trait> allTraits = EnumSet.noneOf(Trait.class);
    allTraits.addAll(traits);
    allTraits.addAll(program.impliedTraits());
    Set<Approach> approaches = EnumSet.noneOf(Approach.class);
    approaches.addAll(program.approaches());
    if (allTraits.contains(Trait.SECULAR)) {
      approaches.add(Approach.SECULAR); // an agnostic twelve-step meeting is both
    }
    if (allTraits.contains(Trait.MEDITATION)) {
      approaches.add(Approach.MINDFULNESS);
    }
    return new PeerGroup(
        id, name, program.code(), approaches, program.focus(), program.forFamilies(), format, allTraits, languages,
        location, schedule, program.usualCost());
  }

  public PeerGroup withCost(Cost newCost) {
    return new PeerGroup(id, name, program, approaches, focus, forFamilies, format, traits, languages, location, schedule, newCost);
  }

  /** Whether someone can attend at the place (it has one and we know where). */
  public boolean placed() {
    return format.hasPlace() && location != null;
  }

  private static <E extends Enum<E>> Set<E> immutableEnumSet(Set<E> values, Class<E> type) {
    EnumSet<E> copy = EnumSet.noneOf(type);
    copy.addAll(values);
    return Collections.unmodifiableSet(copy);
  }
}
