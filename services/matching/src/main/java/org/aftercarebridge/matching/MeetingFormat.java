package org.aftercarebridge.matching;

import java.util.Optional;

/** Where a group meets: a place, online, or both; each a meeting-characteristics code. */
public enum MeetingFormat {
  IN_PERSON("in-person"),
  ONLINE("online"),
  HYBRID("hybrid");

  private final String code;

  MeetingFormat(String code) {
    this.code = code;
  }

  /** The meeting-characteristics code. */
  public String code() {
    return code;
  }

  public static Optional<MeetingFormat> fromCode(String code) {
    for (MeetingFormat format : values()) {
      if (format.code.equals(code)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }

  public boolean reachableOnline() {
    return this != IN_PERSON;
  }

  public boolean hasPlace() {
    return this != ONLINE;
  }
}
