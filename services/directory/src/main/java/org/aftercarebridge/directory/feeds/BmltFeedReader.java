package org.aftercarebridge.directory.feeds;

import static org.aftercarebridge.directory.feeds.FeedValues.position;
import static org.aftercarebridge.directory.feeds.FeedValues.text;
import static org.aftercarebridge.directory.feeds.FeedValues.time;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.aftercarebridge.directory.DirectoryGroup;
import org.aftercarebridge.directory.feeds.FeedValues.FeedRecordException;
import org.aftercarebridge.matching.MeetingFormat;

/**
 * Reads BMLT {@code GetSearchResults} JSON (every value a string; weekday 1 = Sunday … 7). Format
 * key_strings are local to a server, so they are resolved to NAWS world ids through the server's
 * {@code GetFormats}, and world ids to our meeting characteristics. Contact fields are never read.
 */
public final class BmltFeedReader {

  private final MeetingTypes types;

  public BmltFeedReader(MeetingTypes types) {
    this.types = types;
  }

  /**
   * Reads {@code GetSearchResults} with {@code get_used_formats=1}: {@code {"meetings": [...], "formats": [...]}},
   * the one BMLT response that carries the formats its keys need.
   */
  public FeedRead readWithFormats(String searchResultsWithFormats, String program) {
    JsonNode root = FeedValues.parse(searchResultsWithFormats, "the feed");
    if (!root.isObject() || !root.path("meetings").isArray() || !root.path("formats").isArray()) {
      throw new InvalidFeedException(
          "a BMLT import is GetSearchResults with get_used_formats=1: {\"meetings\": [...], \"formats\": [...]}");
    }
    return read(root.get("meetings"), root.get("formats"), program);
  }

  /** Reads {@code GetSearchResults} and the server's {@code GetFormats}, fetched separately. */
  public FeedRead read(String searchResults, String formats, String program) {
    return read(array(searchResults, "GetSearchResults"), array(formats, "GetFormats"), program);
  }

  private FeedRead read(JsonNode meetings, JsonNode formats, String program) {
    Map<String, String> worldIds = worldIds(formats);
    if (meetings.size() > MeetingGuideFeedReader.MAX_RECORDS) {
      throw new InvalidFeedException("more than " + MeetingGuideFeedReader.MAX_RECORDS + " records");
    }
    List<FeedMeeting> read = new ArrayList<>();
    List<FeedRead.Skipped> skipped = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < meetings.size(); i++) {
      JsonNode record = meetings.get(i);
      String key = record.isObject() ? text(record, "id_bigint").orElse(null) : null;
      try {
        FeedMeeting meeting = meeting(record, worldIds, program);
        if (!seen.add(meeting.sourceKey())) {
          throw new FeedRecordException("duplicate id_bigint");
        }
        read.add(meeting);
      } catch (FeedRecordException e) {
        skipped.add(new FeedRead.Skipped(i, key, e.getMessage()));
      }
    }
    return new FeedRead(read, skipped);
  }

  private FeedMeeting meeting(JsonNode record, Map<String, String> worldIds, String program) {
    if (!record.isObject()) {
      throw new FeedRecordException("not a JSON object");
    }
    String id = text(record, "id_bigint").orElseThrow(() -> new FeedRecordException("no id_bigint"));
    String name = text(record, "meeting_name").orElseThrow(() -> new FeedRecordException("no meeting_name"));
    if (text(record, "published").map("0"::equals).orElse(false)) {
      throw new FeedRecordException("not published");
    }
    int weekday;
    try {
      weekday = Integer.parseInt(text(record, "weekday_tinyint").orElseThrow(() -> new FeedRecordException("no weekday_tinyint")));
    } catch (NumberFormatException e) {
      throw new FeedRecordException("weekday_tinyint is not a number");
    }
    if (weekday < 1 || weekday > 7) {
      throw new FeedRecordException("weekday_tinyint out of range 1-7");
    }
    DayOfWeek day = weekday == 1 ? DayOfWeek.SUNDAY : DayOfWeek.of(weekday - 1);
    LocalTime start = time(record, "start_time").orElseThrow(() -> new FeedRecordException("no start_time"));
    LocalTime end = time(record, "duration_time").map(d -> start.plusHours(d.getHour()).plusMinutes(d.getMinute())).orElse(start.plusHours(1));

    Set<String> worlds = new LinkedHashSet<>();
    for (String keyString : text(record, "formats").orElse("").split(",")) {
      Optional.ofNullable(worldIds.get(keyString.trim())).ifPresent(worlds::add);
    }
    boolean online = text(record, "virtual_meeting_link").isPresent() || text(record, "phone_meeting_number").isPresent()
        || worlds.contains("VM");
    MeetingFormat format = switch (text(record, "venue_type").orElse(online ? "3" : "1")) {
      case "2" -> MeetingFormat.ONLINE;
      case "3" -> worlds.contains("TC") ? MeetingFormat.ONLINE : MeetingFormat.HYBRID;
      default -> MeetingFormat.IN_PERSON;
    };
    if (worlds.contains("TC") && format == MeetingFormat.IN_PERSON) {
      throw new FeedRecordException("inactive: location temporarily closed");
    }
    Set<String> characteristics = new LinkedHashSet<>();
    worlds.forEach(world -> types.characteristicOfBmltWorldId(world).ifPresent(characteristics::add));
    characteristics.add(format.code());
    String language = text(record, "lang_enum").map(l -> l.toLowerCase(Locale.ROOT)).orElse("en");
    boolean hasPlace = format != MeetingFormat.ONLINE;
    DirectoryGroup.Address address =
        hasPlace
            ? new DirectoryGroup.Address(
                text(record, "location_street").orElse(null),
                text(record, "location_municipality").or(() -> text(record, "location_city_subsection")).orElse(null),
                text(record, "location_province").orElse(null),
                text(record, "location_postal_code_1").orElse(null))
            : null;
    return new FeedMeeting(
        id, name, program, List.of(day), start, end, text(record, "time_zone").orElse(null), format,
        hasPlace ? position(record, "latitude", "longitude").orElse(null) : null, address, characteristics,
        Set.of(language), text(record, "service_body_name").orElse(null));
  }

  private static JsonNode array(String json, String what) {
    JsonNode root = FeedValues.parse(json, what);
    if (!root.isArray()) {
      throw new InvalidFeedException(what + " is not a JSON array");
    }
    return root;
  }

  /** key_string → world_id, from GetFormats (any language: key_strings are per server). */
  private static Map<String, String> worldIds(JsonNode formats) {
    Map<String, String> worldIds = new HashMap<>();
    for (JsonNode format : formats) {
      String key = format.path("key_string").asText("").trim();
      String world = format.path("world_id").asText("").trim();
      if (!key.isEmpty() && !world.isEmpty()) {
        worldIds.putIfAbsent(key, world);
      }
    }
    return worldIds;
  }
}
