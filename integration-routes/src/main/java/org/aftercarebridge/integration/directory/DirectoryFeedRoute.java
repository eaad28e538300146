package org.aftercarebridge.integration.directory;

import org.aftercarebridge.directory.DirectoryFeeds;
import org.aftercarebridge.directory.DirectoryImport.ImportReport;
import org.aftercarebridge.directory.DirectoryProperties;
import org.aftercarebridge.directory.DirectoryProperties.FeedSource;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Directory feeds in: on a schedule, every configured feed source is fetched (file or HTTP) and
 * imported. One source failing (unreachable, not a feed) is logged and does not stop the others;
 * a failed source's groups stay as they were.
 */
@Component
public class DirectoryFeedRoute extends RouteBuilder {

  static final String ROUTE_ID = "directory-feed-poll";
  static final String SOURCE = "feedSource";

  private final DirectoryProperties directory;
  private final DirectoryFeeds feeds;
  private final FeedFetcher fetcher;

  public DirectoryFeedRoute(DirectoryProperties directory, DirectoryFeeds feeds) {
    this.directory = directory;
    this.feeds = feeds;
    this.fetcher = new FeedFetcher(directory.maxFeedCharacters());
  }

  @Override
  public void configure() {
    if (directory.feeds().isEmpty()) {
      return;
    }
    from("timer:directory-feeds?delay=" + directory.pollDelay().toMillis() + "&period=" + directory.pollInterval().toMillis())
        .routeId(ROUTE_ID)
        .setBody(constant(directory.feeds()))
        .split(body())
            .setProperty(SOURCE, body())
            .doTry()
                .bean(fetcher, "fetch")
                .bean(this, "importFeed(${exchangeProperty." + SOURCE + "}, ${body})")
                .log("Directory feed ${exchangeProperty." + SOURCE + ".name}: ${body}")
            .doCatch(Exception.class)
                .log(LoggingLevel.WARN, "Directory feed ${exchangeProperty." + SOURCE + ".name} not imported: ${exception.message}")
            .end()
        .end();
  }

  public ImportReport importFeed(FeedSource source, String feed) {
    return feeds.importFeed(source.format(), source.program(), source.name(), source.region(), feed);
  }
}
