package org.aftercarebridge.directory;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.aftercarebridge.matching.Cost;
import org.aftercarebridge.matching.GeoPoint;
import org.aftercarebridge.matching.MeetingFormat;
import org.aftercarebridge.matching.PeerGroup;
import org.aftercarebridge.matching.RecoveryProgram;
import org.aftercarebridge.matching.Schedule;
import org.aftercarebridge.matching.Trait;

/**
 * A peer-support group or peer service as the directory keeps it: what it is, where and when it
 * meets. Never holds contact details of members or leaders.
 *
 * @param program recovery-programs code ({@code aa}, {@code smart-recovery} …)
 * @param characteristics meeting-characteristics codes (women, closed, newcomer …)
 * @param region the coordinators' region that serves this group (e.g. {@code US-MA})
 * @param days the weekdays it meets; empty for "by appointment"
 * @param start local start time; null by appointment
 * @param timeZone IANA zone; null when the source did not say
 * @param cost what attending costs; null for the program's usual
 * @param source the feed it is imported from; null when maintained through the FHIR API
 */
public record DirectoryGroup(
    String id,
    String name,
    String program,
    MeetingFormat format,
    Set<String> characteristics,
    Set<String> languages,
    GeoPoint location,
    Address address,
    String region,
    List<DayOfWeek> days,
    LocalTime start,
    LocalTime end,
    String timeZone,
    Cost cost,
    String source,
    boolean active) {

  public DirectoryGroup {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(region, "region");
    characteristics = Set.copyOf(characteristics);
    languages = Set.copyOf(languages);
    days = List.copyOf(days);
  }

  /** Street address of a meeting place; every part may be null. */
  public record Address(String line, String city, String state, String postalCode) {}

  /** The program's display name, or its code when the program is not one we know. */
  public String programName() {
    return RecoveryProgram.fromCode(program).map(RecoveryProgram::display).orElse(program);
  }

  /** Imported groups are maintained at their source, not through our API. */
  public boolean imported() {
    return source != null;
  }

  /** The view of this group that matching works with. */
  public PeerGroup toPeerGroup() {
    Set<Trait> traits =
        characteristics.stream().map(Trait::fromCode).flatMap(java.util.Optional::stream).collect(Collectors.toSet());
    Schedule schedule =
        days.isEmpty() || start == null
            ? Schedule.BY_APPOINTMENT
            : new Schedule(days.stream().map(day -> new Schedule.WeeklyTime(day, start)).toList(), zone());
    PeerGroup group =
        RecoveryProgram.fromCode(program)
            .map(known -> PeerGroup.of(id, name, known, format, traits, languages, location, schedule))
            .orElseGet(() -> new PeerGroup(
                id, name, program, Set.of(), Set.of(), false, format, traits, languages, location, schedule, Cost.DONATION));
    return cost == null ? group : group.withCost(cost);
  }

  private ZoneId zone() {
    try {
      return timeZone == null ? null : ZoneId.of(timeZone);
    } catch (DateTimeException unknown) {
      return null;
    }
  }
}
