package org.aftercarebridge.directory.feeds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import org.aftercarebridge.matching.GeoPoint;

/** Tolerant readers for the looseness of real feeds: numbers as strings, yes/no booleans, "lat,lng". */
final class FeedValues {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FeedValues() {}

  /** The feed's JSON, or {@link InvalidFeedException} naming {@code what} could not be read. */
  static JsonNode parse(String json, String what) {
    try {
      JsonNode root = JSON.readTree(json);
      if (root == null) {
        throw new InvalidFeedException(what + " is empty");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new InvalidFeedException(what + " is not JSON: " + e.getOriginalMessage());
    }
  }

  /** Non-blank text of a string or number field, trimmed. */
  static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull() || value.isContainerNode()) {
      return Optional.empty();
    }
    String text = value.asText().trim();
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  static boolean yes(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return false;
    }
    if (value.isBoolean()) {
      return value.asBoolean();
    }
    String text = value.asText().trim().toLowerCase(Locale.ROOT);
    return text.equals("yes") || text.equals("true") || text.equals("1") || text.equals("y");
  }

  static Optional<Double> number(JsonNode node, String field) {
    return text(node, field).map(text -> {
      try {
        return Double.parseDouble(text);
      } catch (NumberFormatException e) {
        throw new FeedRecordException(field + " is not a number");
      }
    });
  }

  /** A position from latitude/longitude (numbers or strings) or from "coordinates": "lat,lng". */
  static Optional<GeoPoint> position(JsonNode node, String latitudeField, String longitudeField) {
    Optional<Double> latitude = number(node, latitudeField);
    Optional<Double> longitude = number(node, longitudeField);
    if (latitude.isEmpty() || longitude.isEmpty()) {
      Optional<String> pair = text(node, "coordinates");
      if (pair.isEmpty()) {
        return Optional.empty();
      }
      String[] parts = pair.get().split(",");
      if (parts.length != 2) {
        throw new FeedRecordException("coordinates are not \"lat,lng\"");
      }
      try {
        latitude = Optional.of(Double.parseDouble(parts[0].trim()));
        longitude = Optional.of(Double.parseDouble(parts[1].trim()));
      } catch (NumberFormatException e) {
        throw new FeedRecordException("coordinates are not numbers");
      }
    }
    if (latitude.get() == 0 && longitude.get() == 0) {
      return Optional.empty(); // a common "unknown" in feeds, not a meeting in the Gulf of Guinea
    }
    try {
      return Optional.of(new GeoPoint(latitude.get(), longitude.get()));
    } catch (IllegalArgumentException e) {
      throw new FeedRecordException("coordinates out of range");
    }
  }

  /** "HH:MM" or "HH:MM:SS". */
  static Optional<LocalTime> time(JsonNode node, String field) {
    return text(node, field).map(text -> {
      try {
        return LocalTime.parse(text.length() == 4 ? "0" + text : text);
      } catch (DateTimeParseException e) {
        throw new FeedRecordException(field + " is not a time (HH:MM)");
      }
    });
  }

  /** An IANA time zone, or empty when absent or unknown (the importer's default zone applies). */
  static Optional<String> zone(JsonNode node, String field) {
    return text(node, field).filter(zone -> {
      try {
        ZoneId.of(zone);
        return true;
      } catch (RuntimeException e) {
        return false;
      }
    });
  }

  /** A record-level problem: the record is skipped with this reason, the rest of the feed goes on. */
  static final class FeedRecordException extends RuntimeException {
    FeedRecordException(String reason) {
      super(reason);
    }
  }
}
