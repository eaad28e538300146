package org.aftercarebridge.directory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.aftercarebridge.directory.feeds.FeedMeeting;
import org.aftercarebridge.directory.feeds.FeedRead;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Upserts what a feed yielded into the directory, in one transaction (a feed is imported whole or
 * not at all): a meeting new to its source is created, a changed one updated, an identical one left
 * alone, and a group its source no longer lists is deactivated (never deleted: referrals point at it).
 */
@Service
public class DirectoryImport {

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;

  public DirectoryImport(JdbcClient jdbc, TransactionTemplate transaction) {
    this.jdbc = jdbc;
    this.transaction = transaction;
  }

  /**
   * @param source the feed source, e.g. {@code meeting-guide:aa}: one source's groups are compared with its next import
   * @param region the coordinators' region the imported groups belong to
   */
  public ImportReport importFeed(String source, String region, FeedRead feed) {
    return transaction.execute(status -> upsert(source, region, feed));
  }

  private ImportReport upsert(String source, String region, FeedRead feed) {
    Map<String, Existing> existing =
        jdbc.sql("select source_key, id, content_hash, active from peer_group where source = ?")
            .param(source)
            .query((rs, n) -> new Existing(rs.getString("source_key"), rs.getString("id"), rs.getString("content_hash"), rs.getBoolean("active")))
            .list()
            .stream()
            .collect(Collectors.toMap(Existing::sourceKey, e -> e));
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    Instant now = Instant.now();
    for (FeedMeeting meeting : feed.meetings()) {
      String hash = contentHash(meeting, region);
      Existing known = existing.remove(meeting.sourceKey());
      if (known == null) {
        insert(groupId(source, meeting.sourceKey()), source, meeting, region, hash, now);
        created++;
      } else if (known.active() && hash.equals(known.contentHash())) {
        unchanged++;
      } else {
        update(known.id(), meeting, region, hash, now);
        updated++;
      }
    }
    int deactivated = 0;
    for (Existing gone : existing.values()) {
      if (gone.active()) {
        jdbc.sql("update peer_group set active = false, updated_at = ? where id = ?").param(Timestamp.from(now)).param(gone.id()).update();
        deactivated++;
      }
    }
    return new ImportReport(source, feed.meetings().size() + feed.skipped().size(), created, updated, unchanged, deactivated, feed.skipped());
  }

  private void insert(String id, String source, FeedMeeting meeting, String region, String hash, Instant now) {
    jdbc.sql(
            "insert into peer_group (id, name, program, format, languages, latitude, longitude, address_line, city,"
                + " state, postal_code, region, start_time, active, updated_at, source, source_key, content_hash,"
                + " characteristics, meeting_days, end_time, time_zone) values (:id, :name, :program, :format,"
                + " :languages, :latitude, :longitude, :line, :city, :state, :postalCode, :region, :start, true,"
                + " :now, :source, :sourceKey, :hash, :characteristics, :days, :end, :zone)")
        .param("id", id)
        .param("source", source)
        .param("sourceKey", meeting.sourceKey())
        .params(columns(meeting, region, hash, now))
        .update();
  }

  private void update(String id, FeedMeeting meeting, String region, String hash, Instant now) {
    jdbc.sql(
            "update peer_group set name = :name, program = :program, format = :format,"
                + " languages = :languages, latitude = :latitude, longitude = :longitude, address_line = :line, city = :city,"
                + " state = :state, postal_code = :postalCode, region = :region, start_time = :start,"
                + " active = true, updated_at = :now, content_hash = :hash, characteristics = :characteristics,"
                + " meeting_days = :days, end_time = :end, time_zone = :zone where id = :id")
        .param("id", id)
        .params(columns(meeting, region, hash, now))
        .update();
  }

  private static Map<String, Object> columns(FeedMeeting meeting, String region, String hash, Instant now) {
    java.util.HashMap<String, Object> columns = new java.util.HashMap<>();
    columns.put("name", meeting.name());
    columns.put("program", meeting.program());
    columns.put("format", meeting.format().name());
    columns.put("languages", String.join(",", new TreeSet<>(meeting.languages())));
    columns.put("latitude", meeting.location() == null ? null : meeting.location().latitude());
    columns.put("longitude", meeting.location() == null ? null : meeting.location().longitude());
    columns.put("line", meeting.address() == null ? null : meeting.address().line());
    columns.put("city", meeting.address() == null ? null : meeting.address().city());
    columns.put("state", meeting.address() == null ? null : meeting.address().state());
    columns.put("postalCode", meeting.address() == null ? null : meeting.address().postalCode());
    columns.put("region", region);
    columns.put("start", meeting.start() == null ? null : meeting.start().toString());
    columns.put("end", meeting.end() == null ? null : meeting.end().toString());
    columns.put("zone", meeting.timeZone());
    columns.put("days", meeting.days().stream().map(d -> Integer.toString(d.getValue())).collect(Collectors.joining(",")));
    columns.put("characteristics", String.join(",", new TreeSet<>(meeting.characteristics())));
    columns.put("hash", hash);
    columns.put("now", Timestamp.from(now));
    return columns;
  }

  /** Stable, FHIR-id-safe id of an imported group: derived from its source and key, never from its name. */
  static String groupId(String source, String sourceKey) {
    return "imp-" + sha256(source + "\n" + sourceKey).substring(0, 40);
  }

  private static String contentHash(FeedMeeting meeting, String region) {
    return sha256(String.join("\u001f",
        meeting.name(), meeting.program(), String.valueOf(meeting.days().stream().map(DayOfWeek::name).toList()),
        String.valueOf(meeting.start()), String.valueOf(meeting.end()), String.valueOf(meeting.timeZone()),
        meeting.format().name(), String.valueOf(meeting.location()), String.valueOf(meeting.address()),
        String.valueOf(new TreeSet<>(meeting.characteristics())), String.valueOf(new TreeSet<>(meeting.languages())),
        String.valueOf(meeting.region()), region));
  }

  private static String sha256(String value) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private record Existing(String sourceKey, String id, String contentHash, boolean active) {}

  /**
   * What an import did.
   *
   * @param records records in the feed
   */
  public record ImportReport(
      String source, int records, int created, int updated, int unchanged, int deactivated, List<FeedRead.Skipped> skipped) {}
}
