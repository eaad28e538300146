package org.aftercarebridge.matching;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The programs of the guide's recovery-programs CodeSystem and what matching knows of each: its
 * philosophy, the substances its meetings are about (empty: any), whom it is for and what it costs.
 * A group may add to this (a secular AA meeting, a sliding-scale peer supporter).
 */
public enum RecoveryProgram {
  AA("aa", "Alcoholics Anonymous", Set.of(Approach.TWELVE_STEP), EnumSet.of(Substance.ALCOHOL), Cost.DONATION),
  NA("na", "Narcotics Anonymous", Set.of(Approach.TWELVE_STEP), drugs(), Cost.DONATION),
  CA("ca", "Cocaine Anonymous", Set.of(Approach.TWELVE_STEP), EnumSet.of(Substance.COCAINE, Substance.STIMULANTS), Cost.DONATION),
  CMA("cma", "Crystal Meth Anonymous", Set.of(Approach.TWELVE_STEP), EnumSet.of(Substance.STIMULANTS), Cost.DONATION),
  HA("ha", "Heroin Anonymous", Set.of(Approach.TWELVE_STEP), EnumSet.of(Substance.OPIOIDS), Cost.DONATION),
  SMART_RECOVERY("smart-recovery", "SMART Recovery", Set.of(Approach.SECULAR), Set.of(), Cost.FREE),
  MODERATION_MANAGEMENT(
      "moderation-management", "Moderation Management", Set.of(Approach.MODERATION, Approach.SECULAR),
      EnumSet.of(Substance.ALCOHOL), Cost.FREE),
  WOMEN_FOR_SOBRIETY("women-for-sobriety", "Women for Sobriety", Set.of(Approach.SECULAR), Set.of(), Cost.FREE),
  LIFERING("lifering", "LifeRing Secular Recovery", Set.of(Approach.SECULAR), Set.of(), Cost.FREE),
  RECOVERY_DHARMA("recovery-dharma", "Recovery Dharma", Set.of(Approach.MINDFULNESS), Set.of(), Cost.DONATION),
  CELEBRATE_RECOVERY(
      "celebrate-recovery", "Celebrate Recovery", Set.of(Approach.FAITH_BASED, Approach.TWELVE_STEP), Set.of(), Cost.FREE),
  ALL_RECOVERY("all-recovery", "All Recovery meeting", Set.of(), Set.of(), Cost.FREE),
  AL_ANON("al-anon", "Al-Anon", Set.of(Approach.TWELVE_STEP), Set.of(), Cost.DONATION),
  ALATEEN("alateen", "Alateen", Set.of(Approach.TWELVE_STEP), Set.of(), Cost.DONATION),
  NAR_ANON("nar-anon", "Nar-Anon", Set.of(Approach.TWELVE_STEP), Set.of(), Cost.DONATION),
  SMART_FAMILY_FRIENDS("smart-family-friends", "SMART Recovery Family & Friends", Set.of(Approach.SECULAR), Set.of(), Cost.FREE),
  PEER_RECOVERY_SUPPORT("peer-recovery-support", "Certified peer recovery support", Set.of(), Set.of(), Cost.FREE);

  private final String code;
  private final String display;
  private final Set<Approach> approaches;
  private final Set<Substance> focus;
  private final Cost usualCost;

  RecoveryProgram(String code, String display, Set<Approach> approaches, Set<Substance> focus, Cost usualCost) {
    this.code = code;
    this.display = display;
    this.approaches = Set.copyOf(approaches);
    this.focus = Set.copyOf(focus);
    this.usualCost = usualCost;
  }

  public String code() {
    return code;
  }

  public String display() {
    return display;
  }

  public Set<Approach> approaches() {
    return approaches;
  }

  /** Substances its meetings are about; empty means any. */
  public Set<Substance> focus() {
    return focus;
  }

  public Cost usualCost() {
    return usualCost;
  }

  /** Programs for the family and friends of someone who uses, not for the person themselves. */
  public boolean forFamilies() {
    return this == AL_ANON || this == ALATEEN || this == NAR_ANON || this == SMART_FAMILY_FRIENDS;
  }

  /** Traits every group of the program has (Women for Sobriety is for women; a peer supporter is one-on-one). */
  public Set<Trait> impliedTraits() {
    return switch (this) {
      case WOMEN_FOR_SOBRIETY -> Set.of(Trait.WOMEN);
      case PEER_RECOVERY_SUPPORT -> Set.of(Trait.ONE_ON_ONE);
      default -> Set.of();
    };
  }

  public static Optional<RecoveryProgram> fromCode(String code) {
    for (RecoveryProgram program : values()) {
      if (program.code.equals(code)) {
        return Optional.of(program);
      }
    }
    return Optional.empty();
  }

  private static Set<Substance> drugs() {
    return EnumSet.complementOf(EnumSet.of(Substance.ALCOHOL, Substance.NICOTINE));
  }
}
