package org.aftercarebridge.directory.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Whatever a directory feed answers, reading it ends in a read (meetings, and the records skipped,
 * each with a reason) or an {@link InvalidFeedException} saying why the feed as a whole is refused:
 * never an exception that would fail an import without a report. Seeds:
 * {@code FeedReadersFuzzTestInputs/<method>}; {@code JAZZER_FUZZ=1} fuzzes.
 */
class FeedReadersFuzzTest {

  private static final MeetingGuideFeedReader MEETING_GUIDE = new MeetingGuideFeedReader(Feeds.TYPES);
  private static final BmltFeedReader BMLT = new BmltFeedReader(Feeds.TYPES);

  @FuzzTest(maxDuration = "2m")
  void meetingGuideFeed(byte[] data) {
    try {
      check(MEETING_GUIDE.read(new String(data, StandardCharsets.UTF_8), "aa"));
    } catch (InvalidFeedException refused) {
      assertThat(refused.getMessage()).isNotBlank();
    }
  }

  @FuzzTest(maxDuration = "2m")
  void bmltFeed(byte[] data) {
    try {
      check(BMLT.readWithFormats(new String(data, StandardCharsets.UTF_8), "na"));
    } catch (InvalidFeedException refused) {
      assertThat(refused.getMessage()).isNotBlank();
    }
  }

  private static void check(FeedRead read) {
    assertThat(read.skipped()).allSatisfy(skipped -> assertThat(skipped.reason()).isNotBlank());
    assertThat(read.meetings()).allSatisfy(meeting -> assertThat(meeting).isNotNull());
  }
}
