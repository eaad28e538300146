package org.aftercarebridge.directory;

import org.aftercarebridge.directory.feeds.BmltFeedReader;
import org.aftercarebridge.directory.feeds.MeetingGuideFeedReader;
import org.aftercarebridge.directory.feeds.MeetingTypes;
import org.aftercarebridge.profiles.AftercareProfiles;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Directory feeds: readers that map feed codes through our meeting-characteristics CodeSystem, and the importer. */
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
  DirectoryFeeds directoryFeeds(
      DirectoryImport directoryImport,
      MeetingGuideFeedReader meetingGuide,
      BmltFeedReader bmlt,
      DirectoryProperties directory) {
    return new DirectoryFeeds(directoryImport, meetingGuide, bmlt, directory.maxFeedCharacters());
  }
}
