package org.aftercarebridge.directory;

import java.util.regex.Pattern;
import org.aftercarebridge.directory.DirectoryImport.ImportReport;
import org.aftercarebridge.directory.feeds.BmltFeedReader;
import org.aftercarebridge.directory.feeds.FeedRead;
import org.aftercarebridge.directory.feeds.InvalidFeedException;
import org.aftercarebridge.directory.feeds.MeetingGuideFeedReader;

/**
 * Imports one directory feed, whichever way it arrives (posted by an admin, or polled from a
 * configured source): checks the request, reads the feed in its format, upserts it.
 * A BMLT feed is {@code GetSearchResults} with {@code get_used_formats=1} (see {@link BmltFeedReader}).
 */
public final class DirectoryFeeds {

  public static final String MEETING_GUIDE = "meeting-guide";
  public static final String BMLT = "bmlt";
  private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

  private final DirectoryImport directoryImport;
  private final DirectorySnapshot snapshot;
  private final MeetingGuideFeedReader meetingGuide;
  private final BmltFeedReader bmlt;
  private final int maxFeedCharacters;

  public DirectoryFeeds(
      DirectoryImport directoryImport,
      DirectorySnapshot snapshot,
      MeetingGuideFeedReader meetingGuide,
      BmltFeedReader bmlt,
      int maxFeedCharacters) {
    this.directoryImport = directoryImport;
    this.snapshot = snapshot;
    this.meetingGuide = meetingGuide;
    this.bmlt = bmlt;
    this.maxFeedCharacters = maxFeedCharacters;
  }

  /**
   * @param source names the feed source (default: the program); a source's groups are compared with its next import
   * @throws InvalidFeedException when the request or the feed as a whole is unusable: nothing is imported
   */
  public ImportReport importFeed(String format, String program, String source, String region, String feed) {
    require(program != null && CODE.matcher(program).matches(), "program must be a recovery-programs code such as aa, na, al-anon");
    require(source == null || CODE.matcher(source).matches(), "source must be lower-case letters, digits and dashes");
    require(region != null && !region.isBlank() && region.length() <= 40, "region must be 1 to 40 characters");
    require(feed != null && feed.length() <= maxFeedCharacters, "feed empty or larger than " + maxFeedCharacters + " characters");
    FeedRead read =
        switch (format == null ? "" : format) {
          case MEETING_GUIDE -> meetingGuide.read(feed, program);
          case BMLT -> bmlt.readWithFormats(feed, program);
          default -> throw new InvalidFeedException("format must be meeting-guide or bmlt");
        };
    ImportReport report = directoryImport.importFeed(format + ":" + (source == null ? program : source), region, read);
    if (report.created() + report.updated() + report.deactivated() > 0) {
      snapshot.refresh();
    }
    return report;
  }


  private static void require(boolean condition, String problem) {
    if (!condition) {
      throw new InvalidFeedException(problem);
    }
  }
}
