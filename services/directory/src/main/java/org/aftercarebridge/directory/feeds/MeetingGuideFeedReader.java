package org.aftercarebridge.directory.feeds;

import static org.aftercarebridge.directory.feeds.FeedValues.position;
import static org.aftercarebridge.directory.feeds.FeedValues.text;
import static org.aftercarebridge.directory.feeds.FeedValues.time;
import static org.aftercarebridge.directory.feeds.FeedValues.yes;
import static org.aftercarebridge.directory.feeds.FeedValues.zone;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.aftercarebridge.directory.DirectoryGroup;
import org.aftercarebridge.directory.feeds.FeedValues.FeedRecordException;
import org.aftercarebridge.matching.GeoPoint;
import org.aftercarebridge.matching.MeetingFormat;

/**
 * Reads a Meeting Guide (TSML) JSON feed: one flat array of weekly meetings (code4recovery spec). A
 * record has no program field: the program is set per feed source. Contact fields ({@code contact_*},
 * emails, phones, entity contacts) are never read.
 */
public final class MeetingGuideFeedReader {

  static final int MAX_RECORDS = 100_000;

  private final MeetingTypes types;

  public MeetingGuideFeedReader(MeetingTypes types) {
    this.types = types;
  }

  public FeedRead read(String feed, String program) {
    JsonNode root = FeedValues.parse(feed, "the feed");
    if (!root.isArray()) {
      throw new InvalidFeedException("a Meeting Guide feed is a JSON array of meetings");
    }
    if (root.size() > MAX_RECORDS) {
      throw new InvalidFeedException("more than " + MAX_RECORDS + " records");
    }
    List<FeedMeeting> meetings = new ArrayList<>();
    List<FeedRead.Skipped> skipped = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < root.size(); i++) {
      JsonNode record = root.get(i);
      String key = record.isObject() ? text(record, "slug").orElse(null) : null;
      try {
        FeedMeeting meeting = meeting(record, program);
        if (!seen.add(meeting.sourceKey())) {
          throw new FeedRecordException("duplicate slug");
        }
        meetings.add(meeting);
      } catch (FeedRecordException e) {
        skipped.add(new FeedRead.Skipped(i, key, e.getMessage()));
      }
    }
    return new FeedRead(meetings, skipped);
  }

  private FeedMeeting meeting(JsonNode record, String program) {
    if (!record.isObject()) {
      throw new FeedRecordException("not a JSON object");
    }
    String slug = text(record, "slug").orElseThrow(() -> new FeedRecordException("no slug"));
    String name = text(record, "name").orElseThrow(() -> new FeedRecordException("no name"));
    if (name.length() > 255 || slug.length() > 255) {
      throw new FeedRecordException("name or slug longer than 255 characters");
    }
    Set<String> typeCodes = new LinkedHashSet<>();
    record.path("types").forEach(type -> typeCodes.add(type.asText().trim()));
    boolean temporarilyClosed = typeCodes.contains("TC");
    boolean online = text(record, "conference_url").isPresent() || text(record, "conference_phone").isPresent()
        || typeCodes.contains("ONL");
    boolean approximate = yes(record, "approximate");
    DirectoryGroup.Address address = address(record);
    boolean hasPlace = !approximate && !temporarilyClosed && address != null && !"online".equalsIgnoreCase(address.line());
    if (!hasPlace && !online) {
      throw new FeedRecordException(temporarilyClosed ? "inactive: location temporarily closed" : "inactive: no place and no online link");
    }
    MeetingFormat format = hasPlace && online ? MeetingFormat.HYBRID : hasPlace ? MeetingFormat.IN_PERSON : MeetingFormat.ONLINE;
    List<DayOfWeek> days = days(record);
    Optional<LocalTime> start = time(record, "time");
    if (!days.isEmpty() && start.isEmpty()) {
      throw new FeedRecordException("a day but no time");
    }
    LocalTime end = time(record, "end_time").orElse(start.map(t -> t.plusHours(1)).orElse(null));
    GeoPoint location = hasPlace ? position(record, "latitude", "longitude").orElse(null) : null;
    Set<String> characteristics = new LinkedHashSet<>();
    Set<String> languages = new LinkedHashSet<>();
    for (String type : typeCodes) {
      types.characteristicOfMeetingGuideType(type).ifPresent(characteristics::add);
      types.languageOfMeetingGuideType(type).ifPresent(languages::add);
    }
    characteristics.add(format.code());
    if (languages.isEmpty()) {
      languages.add("en");
    }
    return new FeedMeeting(
        slug, name, program, days, start.orElse(null), end, zone(record, "timezone").orElse(null), format, location,
        hasPlace ? address : null, characteristics, languages, region(record));
  }

  /** {@code day}: 0 (Sunday) – 6, as a number, a numeric string or an array of them. */
  private static List<DayOfWeek> days(JsonNode record) {
    JsonNode day = record.get("day");
    List<DayOfWeek> days = new ArrayList<>();
    if (day == null || day.isNull() || (day.isTextual() && day.asText().isBlank())) {
      return days;
    }
    for (JsonNode value : day.isArray() ? day : List.of(day)) {
      int number;
      try {
        number = Integer.parseInt(value.asText().trim());
      } catch (NumberFormatException e) {
        throw new FeedRecordException("day is not a number");
      }
      if (number < 0 || number > 6) {
        throw new FeedRecordException("day out of range 0-6");
      }
      days.add(number == 0 ? DayOfWeek.SUNDAY : DayOfWeek.of(number));
    }
    return days;
  }

  private static DirectoryGroup.Address address(JsonNode record) {
    Optional<String> line = text(record, "address");
    Optional<String> formatted = text(record, "formatted_address");
    if (line.isEmpty() && formatted.isEmpty()) {
      return null;
    }
    return new DirectoryGroup.Address(
        line.orElse(formatted.orElse(null)),
        text(record, "city").orElse(null),
        text(record, "state").orElse(null),
        text(record, "postal_code").orElse(null));
  }

  private static String region(JsonNode record) {
    if (record.path("regions").isArray() && !record.path("regions").isEmpty()) {
      List<String> parts = new ArrayList<>();
      record.path("regions").forEach(part -> parts.add(part.asText()));
      return String.join(" / ", parts);
    }
    return text(record, "sub_region").map(sub -> text(record, "region").map(r -> r + " / ").orElse("") + sub)
        .or(() -> text(record, "region"))
        .orElse(null);
  }

}
