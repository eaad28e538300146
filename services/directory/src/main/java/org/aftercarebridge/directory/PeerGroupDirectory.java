package org.aftercarebridge.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.aftercarebridge.matching.Cost;
import org.aftercarebridge.matching.GeoPoint;
import org.aftercarebridge.matching.MeetingFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The peer-group directory (table {@code peer_group}): reads, searches and hand-maintained groups. */
@Repository
public class PeerGroupDirectory {

  private static final String COLUMNS =
      "id, name, program, format, characteristics, languages, latitude, longitude, address_line, city, state,"
          + " postal_code, region, meeting_days, start_time, end_time, time_zone, cost, source, active";
  private static final double KM_PER_DEGREE_LATITUDE = 111.2;

  private final JdbcClient jdbc;

  public PeerGroupDirectory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<DirectoryGroup> activeGroups() {
    return jdbc.sql("select " + COLUMNS + " from peer_group where active = true order by id")
        .query(PeerGroupDirectory::row)
        .list();
  }

  /** A group, active or not. */
  public Optional<DirectoryGroup> find(String id) {
    return jdbc.sql("select " + COLUMNS + " from peer_group where id = ?").param(id).query(PeerGroupDirectory::row).optional();
  }

  /** What changes whenever the directory does: row count and latest change (imports and API writes touch updated_at). */
  public String version() {
    return jdbc.sql("select count(*) || ':' || coalesce(cast(max(updated_at) as varchar(40)), '') from peer_group")
        .query(String.class)
        .single();
  }

  /** One page of the groups a search selects, ordered by id, and how many it selects in all. */
  public Page search(DirectorySearch search) {
    StringBuilder where = new StringBuilder(" where 1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (search.name() != null) {
      where.append(" and lower(name) like :name");
      params.put("name", escapeLike(search.name().toLowerCase(Locale.ROOT)) + "%");
    }
    if (search.program() != null) {
      where.append(" and program = :program");
      params.put("program", search.program());
    }
    if (search.active() != null) {
      where.append(" and active = :active");
      params.put("active", search.active());
    }
    if (search.characteristic() != null) {
      Optional<MeetingFormat> format = MeetingFormat.fromCode(search.characteristic());
      if (format.isPresent()) {
        where.append(" and format = :format");
        params.put("format", format.get().name());
      } else {
        where.append(" and (',' || characteristics || ',') like :characteristic");
        params.put("characteristic", "%," + escapeLike(search.characteristic()) + ",%");
      }
    }
    int total = jdbc.sql("select count(*) from peer_group" + where).params(params).query(Integer.class).single();
    List<DirectoryGroup> groups =
        jdbc.sql("select " + COLUMNS + " from peer_group" + where + " order by id limit :count offset :offset")
            .params(params)
            .param("count", search.count())
            .param("offset", search.offset())
            .query(PeerGroupDirectory::row)
            .list();
    return new Page(groups, total);
  }

  /** Active groups meeting at a place within {@code km} of a point, nearest first. */
  public List<Placed> placesNear(GeoPoint point, double km, int limit) {
    double latSpan = km / KM_PER_DEGREE_LATITUDE;
    double lonSpan = Math.min(180, km / (KM_PER_DEGREE_LATITUDE * Math.max(0.01, Math.cos(Math.toRadians(point.latitude())))));
    List<DirectoryGroup> boxed =
        jdbc.sql("select " + COLUMNS + " from peer_group where active = true and format <> 'ONLINE'"
                + " and latitude between :south and :north and (longitude between :west and :east"
                + " or longitude between :west2 and :east2)")
            .param("south", point.latitude() - latSpan)
            .param("north", point.latitude() + latSpan)
            .param("west", point.longitude() - lonSpan)
            .param("east", point.longitude() + lonSpan)
            // the box may wrap round the antimeridian
            .param("west2", point.longitude() - lonSpan + 360)
            .param("east2", point.longitude() + lonSpan - 360)
            .query(PeerGroupDirectory::row)
            .list();
    return boxed.stream()
        .map(group -> new Placed(group, point.kilometresTo(group.location())))
        .filter(placed -> placed.km() <= km)
        .sorted(Comparator.comparingDouble(Placed::km).thenComparing(p -> p.group().id()))
        .limit(limit)
        .toList();
  }

  /** Creates or replaces a group maintained through the API; answers true when it was created. */
  public boolean save(DirectoryGroup group) {
    Map<String, Object> columns = new HashMap<>();
    columns.put("id", group.id());
    columns.put("name", group.name());
    columns.put("program", group.program());
    columns.put("format", group.format().name());
    columns.put("characteristics", String.join(",", new TreeSet<>(group.characteristics())));
    columns.put("languages", String.join(",", new TreeSet<>(group.languages())));
    columns.put("latitude", group.location() == null ? null : group.location().latitude());
    columns.put("longitude", group.location() == null ? null : group.location().longitude());
    DirectoryGroup.Address address = group.address() == null ? new DirectoryGroup.Address(null, null, null, null) : group.address();
    columns.put("line", address.line());
    columns.put("city", address.city());
    columns.put("state", address.state());
    columns.put("postalCode", address.postalCode());
    columns.put("region", group.region());
    columns.put("days", group.days().stream().map(d -> Integer.toString(d.getValue())).collect(Collectors.joining(",")));
    columns.put("start", group.start() == null ? null : group.start().toString());
    columns.put("end", group.end() == null ? null : group.end().toString());
    columns.put("zone", group.timeZone());
    columns.put("cost", group.cost() == null ? null : group.cost().code());
    columns.put("active", group.active());
    columns.put("now", Timestamp.from(Instant.now()));
    int updated =
        jdbc.sql("update peer_group set name = :name, program = :program, format = :format, characteristics = :characteristics,"
                + " languages = :languages, latitude = :latitude, longitude = :longitude, address_line = :line, city = :city,"
                + " state = :state, postal_code = :postalCode, region = :region, meeting_days = :days, start_time = :start,"
                + " end_time = :end, time_zone = :zone, cost = :cost, active = :active, updated_at = :now"
                + " where id = :id and source is null")
            .params(columns)
            .update();
    if (updated == 1) {
      return false;
    }
    jdbc.sql("insert into peer_group (id, name, program, format, characteristics, languages, latitude, longitude,"
            + " address_line, city, state, postal_code, region, meeting_days, start_time, end_time, time_zone, cost, active,"
            + " updated_at) values (:id, :name, :program, :format, :characteristics, :languages, :latitude, :longitude,"
            + " :line, :city, :state, :postalCode, :region, :days, :start, :end, :zone, :cost, :active, :now)")
        .params(columns)
        .update();
    return true;
  }

  private static String escapeLike(String value) {
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static DirectoryGroup row(ResultSet rs, int rowNum) throws SQLException {
    double latitude = rs.getDouble("latitude");
    GeoPoint location = rs.wasNull() ? null : new GeoPoint(latitude, rs.getDouble("longitude"));
    List<DayOfWeek> days = new ArrayList<>();
    for (String day : csv(rs.getString("meeting_days"))) {
      days.add(DayOfWeek.of(Integer.parseInt(day)));
    }
    String cost = rs.getString("cost");
    return new DirectoryGroup(
        rs.getString("id"),
        rs.getString("name"),
        rs.getString("program"),
        MeetingFormat.valueOf(rs.getString("format")),
        csv(rs.getString("characteristics")),
        csv(rs.getString("languages")),
        location,
        new DirectoryGroup.Address(
            rs.getString("address_line"), rs.getString("city"), rs.getString("state"), rs.getString("postal_code")),
        rs.getString("region"),
        days,
        time(rs.getString("start_time")),
        time(rs.getString("end_time")),
        rs.getString("time_zone"),
        cost == null ? null : Cost.fromCode(cost).orElse(null),
        rs.getString("source"),
        rs.getBoolean("active"));
  }

  private static LocalTime time(String value) {
    return value == null ? null : LocalTime.parse(value);
  }

  private static Set<String> csv(String value) {
    if (value == null || value.isBlank()) {
      return new TreeSet<>();
    }
    return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
  }

  /** Search parameters; null means "any". */
  public record DirectorySearch(String name, String program, String characteristic, Boolean active, int offset, int count) {}

  public record Page(List<DirectoryGroup> groups, int total) {}

  public record Placed(DirectoryGroup group, double km) {}
}
