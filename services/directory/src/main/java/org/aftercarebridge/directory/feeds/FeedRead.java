package org.aftercarebridge.directory.feeds;

import java.util.List;

/** What a feed yielded: the meetings read, and every record left out with the reason. */
public record FeedRead(List<FeedMeeting> meetings, List<Skipped> skipped) {

  public FeedRead {
    meetings = List.copyOf(meetings);
    skipped = List.copyOf(skipped);
  }

  /**
   * @param index position of the record in the feed (0-based)
   * @param key the record's key when it had one, else null
   */
  public record Skipped(int index, String key, String reason) {}
}
