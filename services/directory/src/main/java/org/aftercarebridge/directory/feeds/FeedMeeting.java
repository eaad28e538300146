package org.aftercarebridge.directory.feeds;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.aftercarebridge.directory.DirectoryGroup;
import org.aftercarebridge.matching.GeoPoint;
import org.aftercarebridge.matching.MeetingFormat;

/**
 * One meeting as read from a directory feed, normalised: no contact details of anyone, ever.
 *
 * @param sourceKey the feed's own key (Meeting Guide slug, BMLT id), unique within one feed source
 * @param days the weekdays it meets; empty for "by appointment"
 * @param location null for online-only meetings and unknown places
 * @param characteristics meeting-characteristics codes (women, newcomer, closed …)
 * @param languages BCP-47 primary tags
 */
public record FeedMeeting(
    String sourceKey,
    String name,
    String program,
    List<DayOfWeek> days,
    LocalTime start,
    LocalTime end,
    String timeZone,
    MeetingFormat format,
    GeoPoint location,
    DirectoryGroup.Address address,
    Set<String> characteristics,
    Set<String> languages,
    String region) {

  public FeedMeeting {
    Objects.requireNonNull(sourceKey, "sourceKey");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(format, "format");
    days = List.copyOf(days);
    characteristics = Set.copyOf(characteristics);
    languages = Set.copyOf(languages);
  }
}
