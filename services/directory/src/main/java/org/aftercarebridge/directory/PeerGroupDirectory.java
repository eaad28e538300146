package org.aftercarebridge.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.aftercarebridge.matching.GeoPoint;
import org.aftercarebridge.matching.MeetingFormat;
import org.aftercarebridge.matching.Substance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the peer-group directory (table {@code peer_group}). */
@Repository
public class PeerGroupDirectory {

  private static final String COLUMNS =
      "id, name, program, focus, format, languages, latitude, longitude, address_line, city, state,"
          + " postal_code, region, weekday, start_time";

  private final JdbcClient jdbc;

  public PeerGroupDirectory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<DirectoryGroup> activeGroups() {
    return jdbc.sql("select " + COLUMNS + " from peer_group where active = true order by id")
        .query(PeerGroupDirectory::row)
        .list();
  }


  private static DirectoryGroup row(ResultSet rs, int rowNum) throws SQLException {
    double latitude = rs.getDouble("latitude");
    GeoPoint location = rs.wasNull() ? null : new GeoPoint(latitude, rs.getDouble("longitude"));
    int weekday = rs.getInt("weekday");
    DayOfWeek day = rs.wasNull() ? null : DayOfWeek.of(weekday);
    String start = rs.getString("start_time");
    return new DirectoryGroup(
        rs.getString("id"),
        rs.getString("name"),
        rs.getString("program"),
        csv(rs.getString("focus")).stream().map(Substance::valueOf).collect(Collectors.toSet()),
        MeetingFormat.valueOf(rs.getString("format")),
        csv(rs.getString("languages")),
        location,
        new DirectoryGroup.Address(
            rs.getString("address_line"), rs.getString("city"), rs.getString("state"), rs.getString("postal_code")),
        rs.getString("region"),
        day,
        start == null ? null : LocalTime.parse(start));
  }

  private static Set<String> csv(String value) {
    if (value == null || value.isBlank()) {
      return Set.of();
    }
    return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
  }
}
