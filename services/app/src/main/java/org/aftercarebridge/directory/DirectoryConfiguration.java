package org.aftercarebridge.directory;

import org.aftercarebridge.directory.feeds.BmltFeedReader;
import org.aftercarebridge.directory.feeds.MeetingGuideFeedReader;
import org.aftercarebridge.directory.feeds.MeetingTypes;
import org.aftercarebridge.profiles.AftercareProfiles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The feed readers, mapping feed codes through our meeting-characteristics CodeSystem. */
@Configuration(proxyBeanMethods = false)
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
}
