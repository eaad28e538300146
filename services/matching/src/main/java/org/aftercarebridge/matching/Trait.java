package org.aftercarebridge.matching;

import java.util.Optional;

/**
 * What a group is like, as far as matching cares: the codes of the guide's meeting-characteristics
 * CodeSystem (women, closed, newcomer …). Codes matching has no rule for are simply not traits.
 */
public enum Trait {
  WOMEN("women"),
  MEN("men"),
  LGBTQ("lgbtq"),
  TRANSGENDER("transgender"),
  NON_BINARY("non-binary"),
  YOUNG_PEOPLE("young-people"),
  SENIORS("seniors"),
  PEOPLE_OF_COLOR("people-of-color"),
  INDIGENOUS("indigenous"),
  OPEN("open"),
  CLOSED("closed"),
  NEWCOMER("newcomer"),
  SPEAKER("speaker"),
  DISCUSSION("discussion"),
  SMALL_GROUP("small-group"),
  ONE_ON_ONE("one-on-one"),
  SECULAR("secular"),
  MEDITATION("meditation"),
  WHEELCHAIR_ACCESSIBLE("wheelchair-accessible"),
  SIGN_LANGUAGE("sign-language");

  private final String code;

  Trait(String code) {
    this.code = code;
  }

  /** The meeting-characteristics code. */
  public String code() {
    return code;
  }

  public static Optional<Trait> fromCode(String code) {
    for (Trait trait : values()) {
      if (trait.code.equals(code)) {
        return Optional.of(trait);
      }
    }
    return Optional.empty();
  }

  /** Traits that say who a group is for: a person may ask for one. */
  public boolean isIdentity() {
    return ordinal() <= INDIGENOUS.ordinal();
  }

  /** Traits that make a first meeting easier for a person with social anxiety. */
  public boolean isGentleStart() {
    return this == NEWCOMER || this == SPEAKER || this == SMALL_GROUP || this == ONE_ON_ONE;
  }
}
