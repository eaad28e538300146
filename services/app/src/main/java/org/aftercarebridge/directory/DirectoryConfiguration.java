package org.aftercarebridge.directory;

import java.time.Clock;
import org.aftercarebridge.directory.feeds.BmltFeedReader;
import org.aftercarebridge.directory.feeds.MeetingGuideFeedReader;
import org.aftercarebridge.directory.feeds.MeetingTypes;
import org.aftercarebridge.profiles.AftercareProfiles;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Directory feeds (readers that map feed codes through our meeting-characteristics CodeSystem, and
 * the importer) and the in-memory snapshot matching works on.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DirectoryProperties.class)
public class DirectoryConfiguration {

  @Bean
  MeetingTypes meetingTypes() {
    return MeetingTypes.fromCodeSystem(
        AftercareProfiles.classpathText(AftercareProfiles.GUIDE + "CodeSystem-meeting-characteristics.json"));
  }

  @Bean
  MeetingGuideFeedReader meetingGuideFeedReader(MeetingTypes types) {
    return new MeetingGuideFeedReader(types);
  }

  @Bean
  BmltFeedReader bmltFeedReader(MeetingTypes types) {
    return new BmltFeedReader(types);
  }

  @Bean
  DirectorySnapshot directorySnapshot(PeerGroupDirectory directory, DirectoryProperties properties) {
    return new DirectorySnapshot(directory, properties.snapshotRecheck(), Clock.systemUTC());
  }

  @Bean
  DirectoryFeeds directoryFeeds(
      DirectoryImport directoryImport,
      DirectorySnapshot snapshot,
      MeetingGuideFeedReader meetingGuide,
      BmltFeedReader bmlt,
      DirectoryProperties directory) {
    return new DirectoryFeeds(directoryImport, snapshot, meetingGuide, bmlt, directory.maxFeedCharacters());
  }
}
