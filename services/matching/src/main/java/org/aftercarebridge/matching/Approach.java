package org.aftercarebridge.matching;

import java.util.Optional;

/** The philosophy of a program or group: the guide's recovery-approaches CodeSystem. */
public enum Approach {
  TWELVE_STEP("twelve-step", "twelve-step, spiritual"),
  SECULAR("secular", "secular"),
  MODERATION("moderation", "moderation accepted"),
  MINDFULNESS("mindfulness", "mindfulness-based"),
  FAITH_BASED("faith-based", "faith-based");

  private final String code;
  private final String label;

  Approach(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  public static Optional<Approach> fromCode(String code) {
    for (Approach approach : values()) {
      if (approach.code.equals(code)) {
        return Optional.of(approach);
      }
    }
    return Optional.empty();
  }
}
