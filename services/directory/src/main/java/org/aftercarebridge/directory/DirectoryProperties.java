package org.aftercarebridge.directory;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code aftercare.directory.*}
 *
 * @param defaultRegion region of imported groups when an import names none
 * @param maxFeedCharacters larger feeds are refused
 * @param pollInterval how often configured feeds are fetched and imported
 * @param pollDelay wait after start-up before the first poll
 * @param feeds feed sources polled on that schedule
 * @param snapshotRecheck how often the in-memory directory checks whether another instance changed the directory
 */
@ConfigurationProperties("aftercare.directory")
public record DirectoryProperties(
    @DefaultValue("unassigned") String defaultRegion,
    @DefaultValue("50000000") int maxFeedCharacters,
    @DefaultValue("6h") Duration pollInterval,
    @DefaultValue("30s") Duration pollDelay,
    List<FeedSource> feeds,
    @DefaultValue("30s") Duration snapshotRecheck) {

  public DirectoryProperties {
    feeds = feeds == null ? List.of() : List.copyOf(feeds);
  }

  /**
   * A directory feed the service polls ({@code aftercare.directory.feeds[n].*}).
   *
   * @param name names the source; its groups are compared with its next import (lower case, dashes)
   * @param format {@code meeting-guide} or {@code bmlt} (GetSearchResults with get_used_formats=1)
   * @param program the recovery-programs code every meeting of the feed belongs to (aa, na, al-anon …)
   * @param region the coordinators' region its groups belong to
   * @param uri {@code https://…}, {@code http://…} or a file path ({@code file:/…} or plain)
   */
  public record FeedSource(String name, String format, String program, String region, String uri) {}
}
