package org.aftercarebridge.integration.support;

import ca.uhn.fhir.context.FhirContext;
import java.time.Duration;
import org.aftercarebridge.directory.PeerGroupDirectory;
import org.aftercarebridge.integration.intake.NotificationBundleToDischargeMapper;
import org.aftercarebridge.integration.intake.ProfileValidation;
import org.aftercarebridge.integration.referral.DischargeToPersonMapper;
import org.aftercarebridge.integration.referral.DischargeToReferralMapper;
import org.aftercarebridge.integration.referral.Matchmaker;
import org.aftercarebridge.integration.referral.PatientPseudonyms;
import org.aftercarebridge.integration.referral.PeerGroupToHealthcareServiceMapper;
import org.aftercarebridge.integration.referral.ReferralPublishRoute.ReferralQueueSettings;
import org.aftercarebridge.integration.referral.ReferralSettings;
import org.aftercarebridge.matching.MatchingRules;
import org.aftercarebridge.matching.PeerGroupMatcher;
import org.aftercarebridge.profiles.ProfileValidator;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the plain mappers the routes use from {@code aftercare.*} properties. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
  IntegrationConfiguration.IntakeProperties.class,
  IntegrationConfiguration.ReferralProperties.class,
  IntegrationConfiguration.MatchingProperties.class
})
public class IntegrationConfiguration {

  /**
   * {@code aftercare.referral.*}
   *
   * @param fhirBaseUrl our public FHIR base URL (fullUrls in announced Bundles)
   * @param unassignedRegion the region of referrals no group matched
   * @param offeredGroups how many matched groups a referral announcement carries
   * @param queue the referrals queue
   * @param pseudonymKey secret of the HMAC that makes pseudonymous patient keys
   */
  @ConfigurationProperties("aftercare.referral")
  public record ReferralProperties(
      @DefaultValue("http://localhost:8080/fhir") String fhirBaseUrl,
      @DefaultValue("unassigned") String unassignedRegion,
      @DefaultValue("3") int offeredGroups,
      @DefaultValue("aftercare.referrals") String queue,
      @DefaultValue Outbox outbox,
      String pseudonymKey) {

    /**
     * @param sweepInterval how often unpublished announcements are looked for
     * @param sweepGrace how old an unpublished announcement must be before the sweep publishes it
     */
    public record Outbox(@DefaultValue("5s") Duration sweepInterval, @DefaultValue("10s") Duration sweepGrace) {}
  }

  /**
   * {@code aftercare.intake.*}
   *
   * @param profileValidation validate every inbound message against our profiles; turning it off is
   *     for measuring its cost only (the {@code prod} profile refuses to start without it)
   */
  @ConfigurationProperties("aftercare.intake")
  public record IntakeProperties(@DefaultValue("true") boolean profileValidation) {}


  /** {@code aftercare.matching.*}: in-person groups farther than {@code max-travel-km} are not offered. */
  @ConfigurationProperties("aftercare.matching")
  public record MatchingProperties(@DefaultValue("40") double maxTravelKm) {}

  @Bean
  ProfileValidation profileValidation(FhirContext fhirContext, ProfileValidator validator, IntakeProperties intake) {
    return new ProfileValidation(fhirContext, validator, intake.profileValidation());
  }

  @Bean
  NotificationBundleToDischargeMapper notificationBundleToDischargeMapper() {
    return new NotificationBundleToDischargeMapper();
  }

  @Bean
  Matchmaker matchmaker(PeerGroupDirectory directory, MatchingProperties matching, ReferralProperties referral) {
    return new Matchmaker(
        directory,
        new PeerGroupMatcher(new MatchingRules(matching.maxTravelKm())),
        new DischargeToPersonMapper(),
        referral.offeredGroups());
  }

  @Bean
  DischargeToReferralMapper dischargeToReferralMapper(FhirContext fhirContext, ReferralProperties referral) {
    return new DischargeToReferralMapper(
        fhirContext,
        new PatientPseudonyms(referral.pseudonymKey()),
        new PeerGroupToHealthcareServiceMapper(),
        new ReferralSettings(referral.fhirBaseUrl(), referral.unassignedRegion()));
  }

  @Bean
  ReferralQueueSettings referralQueueSettings(ReferralProperties referral) {
    return new ReferralQueueSettings(
        referral.queue(), referral.outbox().sweepInterval(), referral.outbox().sweepGrace());
  }
}
