package org.aftercarebridge.directory.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Pattern;
import org.aftercarebridge.directory.DirectoryImport;
import org.aftercarebridge.directory.DirectoryImport.ImportReport;
import org.aftercarebridge.directory.feeds.BmltFeedReader;
import org.aftercarebridge.directory.feeds.FeedRead;
import org.aftercarebridge.directory.feeds.InvalidFeedException;
import org.aftercarebridge.directory.feeds.MeetingGuideFeedReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/directory/imports?format=meeting-guide|bmlt&program=…}: imports a directory feed
 * (the body) and answers what it did. A BMLT body is {@code GetSearchResults} with
 * {@code get_used_formats=1} ({@code {"meetings": [...], "formats": [...]}}), because BMLT format keys
 * only mean something through the server's own formats.
 */
@RestController
@RequestMapping("/api/directory/imports")
public class DirectoryImportController {

  private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DirectoryImport directoryImport;
  private final MeetingGuideFeedReader meetingGuide;
  private final BmltFeedReader bmlt;
  private final String defaultRegion;
  private final int maxFeedCharacters;

  public DirectoryImportController(
      DirectoryImport directoryImport,
      MeetingGuideFeedReader meetingGuide,
      BmltFeedReader bmlt,
      @Value("${aftercare.directory.default-region:unassigned}") String defaultRegion,
      @Value("${aftercare.directory.max-feed-characters:50000000}") int maxFeedCharacters) {
    this.directoryImport = directoryImport;
    this.meetingGuide = meetingGuide;
    this.bmlt = bmlt;
    this.defaultRegion = defaultRegion;
    this.maxFeedCharacters = maxFeedCharacters;
  }

  @PostMapping(consumes = "application/json", produces = "application/json")
  public ImportReport importFeed(
      @RequestParam String format,
      @RequestParam String program,
      @RequestParam(required = false) String source,
      @RequestParam(required = false) String region,
      @RequestBody String feed) {
    require(CODE.matcher(program).matches(), "program must be a recovery-programs code such as aa, na, al-anon");
    require(source == null || CODE.matcher(source).matches(), "source must be lower-case letters, digits and dashes");
    require(feed.length() <= maxFeedCharacters, "feed larger than " + maxFeedCharacters + " characters");
    FeedRead read =
        switch (format) {
          case "meeting-guide" -> meetingGuide.read(feed, program);
          case "bmlt" -> readBmlt(feed, program);
          default -> throw new InvalidFeedException("format must be meeting-guide or bmlt");
        };
    String sourceName = format + ":" + (source == null ? program : source);
    return directoryImport.importFeed(sourceName, region == null ? defaultRegion : region, read);
  }

  private FeedRead readBmlt(String feed, String program) {
    JsonNode root;
    try {
      root = JSON.readTree(feed);
    } catch (JsonProcessingException e) {
      throw new InvalidFeedException("not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject() || !root.path("meetings").isArray() || !root.path("formats").isArray()) {
      throw new InvalidFeedException("a BMLT import is GetSearchResults with get_used_formats=1: {\"meetings\": [...], \"formats\": [...]}");
    }
    return bmlt.read(root.get("meetings").toString(), root.get("formats").toString(), program);
  }

  private static void require(boolean condition, String problem) {
    if (!condition) {
      throw new InvalidFeedException(problem);
    }
  }

  /** A feed that cannot be read at all: 400, and nothing was imported. */
  @ExceptionHandler(InvalidFeedException.class)
  ProblemDetail invalidFeed(InvalidFeedException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Feed not imported");
    return problem;
  }
}
