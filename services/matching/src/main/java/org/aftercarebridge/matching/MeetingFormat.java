package org.aftercarebridge.matching;

/** Where a group meets: a place, online, or both. */
public enum MeetingFormat {
  IN_PERSON,
  ONLINE,
  HYBRID;

  public boolean reachableOnline() {
    return this != IN_PERSON;
  }

  public boolean hasPlace() {
    return this != ONLINE;
  }
}
