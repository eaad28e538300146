package org.aftercarebridge.directory.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.aftercarebridge.matching.MeetingFormat;
import org.junit.jupiter.api.Test;

class MeetingGuideFeedReaderTest {

  private final MeetingGuideFeedReader reader = new MeetingGuideFeedReader(Feeds.TYPES);

  private static Map<String, FeedMeeting> bySlug(FeedRead read) {
    return read.meetings().stream().collect(Collectors.toMap(FeedMeeting::sourceKey, Function.identity()));
  }

  @Test
  void readsTheCode4RecoveryFixtureAndSaysWhyItLeftMeetingsOut() {
    FeedRead read = reader.read(Feeds.resource("/feeds/c4r-pdf-tests-fixtures-meetings.json"), "aa");

    assertThat(read.meetings()).hasSize(23);
    assertThat(read.skipped())
        .extracting(FeedRead.Skipped::key, FeedRead.Skipped::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("closed-renovation", "inactive: location temporarily closed"),
            org.assertj.core.groups.Tuple.tuple("suspended-sat", "inactive: location temporarily closed"));
    Map<String, FeedMeeting> meetings = bySlug(read);
    FeedMeeting online = meetings.get("online-mondays");
    assertThat(online.format()).isEqualTo(MeetingFormat.ONLINE);
    assertThat(online.location()).isNull();
    FeedMeeting women = meetings.get("womens-wed");
    assertThat(women.characteristics()).contains("women", "closed", "in-person");
    assertThat(women.days()).containsExactly(DayOfWeek.WEDNESDAY);
    assertThat(women.start()).isEqualTo(LocalTime.of(19, 30));
    assertThat(women.end()).isEqualTo(LocalTime.of(20, 30));
    assertThat(women.program()).isEqualTo("aa");
  }

  @Test
  void readsTheRealGreaterNewYorkRegionAsMeetingGuideJson() {
    FeedRead read = reader.read(Feeds.resource("/feeds/bmlt-sample-gnyr-as-meeting-guide.json"), "na");

    assertThat(read.meetings().size() + read.skipped().size()).isEqualTo(1513);
    assertThat(read.meetings()).hasSize(1505);
    assertThat(read.skipped()).allSatisfy(s -> assertThat(s.reason()).isEqualTo("inactive: no place and no online link"));
    FeedMeeting first = bySlug(read).get("nothing-macho-2");
    assertThat(first.location().latitude()).isEqualTo(40.8806192784682);
    assertThat(first.timeZone()).isEqualTo("America/New_York");
    assertThat(first.characteristics()).contains("men", "open", "step-study");
    assertThat(read.meetings()).filteredOn(m -> m.characteristics().contains("newcomer")).hasSizeGreaterThan(200);
  }

  @Test
  void toleratesRealWorldLooseness() {
    String feed =
        """
        [
          {"slug": 17, "name": "Several days", "day": [1, "3"], "time": "7:30", "approximate": "no",
           "latitude": "42.70", "longitude": "-71.16", "address": "1 Main St", "city": "Lawrence",
           "types": ["W", "S", "BE", "XYZ"], "entity_url": "https://example.org", "contact_1_phone": "555-0100"},
          {"slug": "coords", "name": "Pair of coordinates", "day": "2", "time": "19:00:00",
           "coordinates": "42.1,-71.2", "formatted_address": "2 Elm St, Lowell, MA", "timezone": "Not/AZone"},
          {"slug": "by-appointment", "name": "No fixed time", "conference_url": "https://zoom.example/j/1"},
          {"slug": "approx", "name": "Approximate place and a link", "approximate": "yes",
           "formatted_address": "Boston, MA", "conference_phone": "+1 555 0199", "day": 4, "time": "20:00"}
        ]
        """;
    Map<String, FeedMeeting> meetings = bySlug(reader.read(feed, "aa"));

    FeedMeeting several = meetings.get("17");
    assertThat(several.days()).containsExactly(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY);
    assertThat(several.start()).isEqualTo(LocalTime.of(7, 30));
    assertThat(several.location().longitude()).isEqualTo(-71.16);
    assertThat(several.characteristics()).contains("women", "newcomer", "in-person");
    assertThat(several.languages()).containsExactly("es");
    assertThat(several.toString()).doesNotContain("555-0100").doesNotContain("example.org");
    FeedMeeting coords = meetings.get("coords");
    assertThat(coords.location().latitude()).isEqualTo(42.1);
    assertThat(coords.timeZone()).as("an unknown zone is dropped, not trusted").isNull();
    assertThat(meetings.get("by-appointment").days()).isEmpty();
    assertThat(meetings.get("by-appointment").format()).isEqualTo(MeetingFormat.ONLINE);
    assertThat(meetings.get("approx").format()).as("an approximate place is no meeting place").isEqualTo(MeetingFormat.ONLINE);
  }

  @Test
  void reportsEveryBrokenRecordAndReadsTheRest() {
    String feed =
        """
        [
          "not an object",
          {"name": "No slug", "address": "1 Main St"},
          {"slug": "no-name", "address": "1 Main St"},
          {"slug": "bad-day", "name": "Bad day", "day": 9, "time": "10:00", "address": "1 Main St"},
          {"slug": "bad-time", "name": "Bad time", "day": 1, "time": "25:99", "address": "1 Main St"},
          {"slug": "bad-lat", "name": "Bad latitude", "latitude": "north", "longitude": "1", "address": "1 Main St"},
          {"slug": "far-lat", "name": "Impossible latitude", "latitude": 123, "longitude": 1, "address": "1 Main St"},
          {"slug": "day-no-time", "name": "Day but no time", "day": 1, "address": "1 Main St"},
          {"slug": "good", "name": "Good", "day": 1, "time": "10:00", "address": "1 Main St"},
          {"slug": "good", "name": "Same slug again", "day": 2, "time": "10:00", "address": "1 Main St"}
        ]
        """;
    FeedRead read = reader.read(feed, "aa");

    assertThat(read.meetings()).extracting(FeedMeeting::name).containsExactly("Good");
    assertThat(read.skipped())
        .extracting(FeedRead.Skipped::index, FeedRead.Skipped::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, "not a JSON object"),
            org.assertj.core.groups.Tuple.tuple(1, "no slug"),
            org.assertj.core.groups.Tuple.tuple(2, "no name"),
            org.assertj.core.groups.Tuple.tuple(3, "day out of range 0-6"),
            org.assertj.core.groups.Tuple.tuple(4, "time is not a time (HH:MM)"),
            org.assertj.core.groups.Tuple.tuple(5, "latitude is not a number"),
            org.assertj.core.groups.Tuple.tuple(6, "coordinates out of range"),
            org.assertj.core.groups.Tuple.tuple(7, "a day but no time"),
            org.assertj.core.groups.Tuple.tuple(9, "duplicate slug"));
  }

  @Test
  void refusesAFeedThatIsNotAnArrayOfMeetings() {
    assertThatThrownBy(() -> reader.read("{\"meetings\": []}", "aa")).isInstanceOf(InvalidFeedException.class);
    assertThatThrownBy(() -> reader.read("[{\"slug\": ", "aa")).isInstanceOf(InvalidFeedException.class);
    assertThatThrownBy(() -> reader.read("", "aa")).isInstanceOf(InvalidFeedException.class);
  }
}
