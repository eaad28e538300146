package org.aftercarebridge.directory.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalTime;
import org.aftercarebridge.matching.MeetingFormat;
import org.junit.jupiter.api.Test;

class BmltFeedReaderTest {

  private static final String FORMATS = Feeds.resource("/feeds/bmlt-sample-gnyr-GetFormats.json");
  private final BmltFeedReader reader = new BmltFeedReader(Feeds.TYPES);

  @Test
  void readsTheRealGreaterNewYorkRegionServer() {
    FeedRead read = reader.read(Feeds.resource("/feeds/bmlt-sample-gnyr-GetSearchResults.json"), FORMATS, "na");

    assertThat(read.meetings()).hasSize(1513);
    assertThat(read.skipped()).isEmpty();
    FeedMeeting first = read.meetings().get(0);
    assertThat(first.sourceKey()).isEqualTo("2");
    assertThat(first.name()).isEqualTo("Nothing Macho");
    assertThat(first.days()).as("BMLT weekday 7 is Saturday").containsExactly(DayOfWeek.SATURDAY);
    assertThat(first.start()).isEqualTo(LocalTime.of(14, 0));
    assertThat(first.end()).isEqualTo(LocalTime.of(15, 30));
    assertThat(first.characteristics()).as("M, O, St through world ids M, OPEN, STEP").contains("men", "open", "step-study");
    assertThat(first.format()).isEqualTo(MeetingFormat.IN_PERSON);
    assertThat(read.meetings()).filteredOn(m -> m.characteristics().contains("women")).hasSize(29);
    assertThat(read.meetings()).filteredOn(m -> m.characteristics().contains("newcomer")).hasSize(229);
  }

  @Test
  void reportsBrokenAndUnpublishedMeetings() {
    String meetings =
        """
        [
          {"id_bigint": "1", "meeting_name": "Good", "weekday_tinyint": "1", "start_time": "19:00:00", "formats": "W,B",
           "latitude": "40.7", "longitude": "-73.9", "location_street": "1 Main St", "contact_name_1": "Jane D."},
          {"id_bigint": "2", "meeting_name": "Hidden", "weekday_tinyint": "2", "start_time": "19:00:00", "published": "0"},
          {"id_bigint": "3", "meeting_name": "Bad day", "weekday_tinyint": "8", "start_time": "19:00:00"},
          {"id_bigint": "4", "meeting_name": "Virtual", "weekday_tinyint": "3", "start_time": "20:00:00", "venue_type": "2",
           "virtual_meeting_link": "https://zoom.example/j/2"},
          {"meeting_name": "No id", "weekday_tinyint": "3", "start_time": "20:00:00"}
        ]
        """;
    FeedRead read = reader.read(meetings, FORMATS, "na");

    assertThat(read.meetings()).extracting(FeedMeeting::sourceKey).containsExactly("1", "4");
    assertThat(read.meetings().get(0).days()).containsExactly(DayOfWeek.SUNDAY);
    assertThat(read.meetings().get(0).characteristics()).contains("women", "newcomer");
    assertThat(read.meetings().get(0).toString()).doesNotContain("Jane");
    assertThat(read.meetings().get(1).format()).isEqualTo(MeetingFormat.ONLINE);
    assertThat(read.meetings().get(1).location()).isNull();
    assertThat(read.skipped())
        .extracting(FeedRead.Skipped::reason)
        .containsExactly("not published", "weekday_tinyint out of range 1-7", "no id_bigint");
  }

  @Test
  void refusesWhatIsNotBmltJson() {
    assertThatThrownBy(() -> reader.read("{}", FORMATS, "na")).isInstanceOf(InvalidFeedException.class);
    assertThatThrownBy(() -> reader.read("[]", "<formats/>", "na")).isInstanceOf(InvalidFeedException.class);
  }
}
