package org.aftercarebridge.directory.web;

import org.aftercarebridge.directory.DirectoryFeeds;
import org.aftercarebridge.directory.DirectoryProperties;
import org.aftercarebridge.directory.DirectoryImport.ImportReport;
import org.aftercarebridge.directory.feeds.InvalidFeedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/directory/imports?format=meeting-guide|bmlt&program=…[&source=…][&region=…]}:
 * imports the directory feed in the body and answers what it did (created, updated, unchanged,
 * deactivated, and every skipped record with its reason).
 */
@RestController
@RequestMapping("/api/directory/imports")
public class DirectoryImportController {

  private final DirectoryFeeds feeds;
  private final String defaultRegion;

  public DirectoryImportController(DirectoryFeeds feeds, DirectoryProperties directory) {
    this.feeds = feeds;
    this.defaultRegion = directory.defaultRegion();
  }

  @PostMapping(consumes = "application/json", produces = "application/json")
  public ImportReport importFeed(
      @RequestParam String format,
      @RequestParam String program,
      @RequestParam(required = false) String source,
      @RequestParam(required = false) String region,
      @RequestBody String feed) {
    return feeds.importFeed(format, program, source, region == null ? defaultRegion : region, feed);
  }

  /** A request or feed that cannot be imported at all: 400, and nothing was imported. */
  @ExceptionHandler(InvalidFeedException.class)
  ProblemDetail invalidFeed(InvalidFeedException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Feed not imported");
    return problem;
  }
}
