package org.aftercarebridge.directory;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Set;
import org.aftercarebridge.matching.GeoPoint;
import org.aftercarebridge.matching.MeetingFormat;
import org.aftercarebridge.matching.PeerGroup;
import org.aftercarebridge.matching.Substance;

/**
 * A peer-support group as the directory knows it: the facts matching uses plus where and when it
 * meets. Never holds contact details of members or leaders.
 *
 * @param region the coordinators' region that serves this group (e.g. {@code US-MA})
 * @param weekday the day it meets, or null when it has no fixed weekly meeting
 * @param startTime local start time, or null with weekday
 */
public record DirectoryGroup(
    String id,
    String name,
    String program,
    Set<Substance> focus,
    MeetingFormat format,
    Set<String> languages,
    GeoPoint location,
    Address address,
    String region,
    DayOfWeek weekday,
    LocalTime startTime) {

  public DirectoryGroup {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(region, "region");
    focus = Set.copyOf(focus);
    languages = Set.copyOf(languages);
  }

  /** Street address of an in-person meeting place; every part may be null for online groups. */
  public record Address(String line, String city, String state, String postalCode) {}

  /** The view of this group that matching works with. */
  public PeerGroup toPeerGroup() {
    return new PeerGroup(id, program, focus, format, languages, location);
  }
}
