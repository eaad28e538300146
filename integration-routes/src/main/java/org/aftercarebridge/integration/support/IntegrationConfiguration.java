package org.aftercarebridge.integration.support;

import ca.uhn.fhir.context.FhirContext;
import java.time.Duration;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.aftercarebridge.directory.DirectorySnapshot;
import org.aftercarebridge.integration.directory.PeerGroupToHealthcareServiceMapper;
import org.aftercarebridge.integration.intake.NotificationBundleToDischargeMapper;
import org.aftercarebridge.integration.intake.ProfileValidation;
import org.aftercarebridge.integration.matching.Matchmaker;
import org.aftercarebridge.integration.matching.PersonFromFhir;
import org.aftercarebridge.integration.referral.DischargeToReferralMapper;
import org.aftercarebridge.integration.referral.PatientPseudonyms;
import org.aftercarebridge.integration.referral.ReferralPublishRoute.ReferralQueueSettings;
import org.aftercarebridge.integration.consent.Part2ConsentPolicy;
import org.aftercarebridge.integration.referral.ReferralRerouter;
import org.aftercarebridge.integration.referral.ReferralSettings;
import org.aftercarebridge.matching.Cost;
import org.aftercarebridge.matching.MatchingPolicy;
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
  IntegrationConfiguration.MatchingProperties.class,
  IntegrationConfiguration.ConsentProperties.class
})
public class IntegrationConfiguration {

  /**
   * {@code aftercare.referral.*}
   *
   * @param fhirBaseUrl our public FHIR base URL (fullUrls in announced Bundles)
   * @param unassignedRegion the region of referrals no group matched
   * @param queue the referrals queue
   * @param pseudonymKey secret of the HMAC that makes pseudonymous patient keys
   * @param maxGroupTries groups asked one after another as each declines, before a coordinator chooses by hand
   * @param chooseGroupWithin how soon a coordinator's choose-group Task is due
   * @param obtainConsentWithin how soon the treatment centre's obtain-consent Task is due
   * @param taskUpdatesQueue where coordinators may send Task updates instead of using REST
   */
  @ConfigurationProperties("aftercare.referral")
  public record ReferralProperties(
      @DefaultValue("http://localhost:8080/fhir") String fhirBaseUrl,
      @DefaultValue("unassigned") String unassignedRegion,
      @DefaultValue("aftercare.referrals") String queue,
      @DefaultValue Outbox outbox,
      String pseudonymKey,
      @DefaultValue("3") int maxGroupTries,
      @DefaultValue("1d") Duration chooseGroupWithin,
      @DefaultValue("2d") Duration obtainConsentWithin,
      @DefaultValue("aftercare.task-updates") String taskUpdatesQueue) {

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


  /**
   * {@code aftercare.matching.*}: see {@link MatchingPolicy}.
   *
   * @param limit groups a referral offers (and a preview answers unless it asks for a count)
   * @param enoughNearby the in-person search radius grows until this many groups fit
   * @param radiusLadderKm the radii tried, smallest first
   * @param maxTravelKm in-person groups farther away are not offered, unless the person said how far they travel
   * @param defaultCostLimit group-costs code a person is assumed to accept when they did not say
   * @param defaultTimeZone the zone of groups whose directory entry has none
   */
  @ConfigurationProperties("aftercare.matching")
  public record MatchingProperties(
      @DefaultValue("3") int limit,
      @DefaultValue("10") int enoughNearby,
      @DefaultValue({"1", "2", "5", "10", "20", "40", "80", "160"}) List<Double> radiusLadderKm,
      @DefaultValue("40") double maxTravelKm,
      @DefaultValue("donation") String defaultCostLimit,
      @DefaultValue("America/New_York") ZoneId defaultTimeZone,
      @DefaultValue Weights weights) {

    /** How much each soft criterion counts. */
    public record Weights(
        @DefaultValue("3") double programFit,
        @DefaultValue("2") double philosophy,
        @DefaultValue("2") double identity,
        @DefaultValue("2") double language,
        @DefaultValue("1") double newcomer,
        @DefaultValue("2") double socialAnxiety,
        @DefaultValue("2") double schedule,
        @DefaultValue("2") double distance,
        @DefaultValue("1") double cost) {}

    public MatchingPolicy toPolicy() {
      return new MatchingPolicy(
          limit,
          enoughNearby,
          radiusLadderKm,
          maxTravelKm,
          Cost.fromCode(defaultCostLimit)
              .orElseThrow(() -> new IllegalArgumentException("aftercare.matching.default-cost-limit: not a group-costs code: " + defaultCostLimit)),
          defaultTimeZone,
          new MatchingPolicy.Weights(
              weights.programFit(), weights.philosophy(), weights.identity(), weights.language(), weights.newcomer(),
              weights.socialAnxiety(), weights.schedule(), weights.distance(), weights.cost()));
    }
  }

  /**
   * {@code aftercare.consent.*}: 42 CFR Part 2.
   *
   * @param recipients identifiers ({@code system|value}) a consent must name as recipient for a referral to reach the peer coordinators
   * @param purposes v3-ActReason purposes of use a consent must name (one of them)
   */
  @ConfigurationProperties("aftercare.consent")
  public record ConsentProperties(
      @DefaultValue("https://aftercarebridge.org/fhir/sid/organization|peer-coordinators") List<String> recipients,
      @DefaultValue({"TREAT", "COC"}) List<String> purposes) {}

  @Bean
  Part2ConsentPolicy part2ConsentPolicy(ConsentProperties consent) {
    return new Part2ConsentPolicy(java.util.Set.copyOf(consent.recipients()), java.util.Set.copyOf(consent.purposes()));
  }

  @Bean
  ProfileValidation profileValidation(FhirContext fhirContext, ProfileValidator validator, IntakeProperties intake) {
    return new ProfileValidation(fhirContext, validator, intake.profileValidation());
  }

  @Bean
  NotificationBundleToDischargeMapper notificationBundleToDischargeMapper() {
    return new NotificationBundleToDischargeMapper();
  }

  @Bean
  Matchmaker matchmaker(DirectorySnapshot directory, MatchingProperties matching) {
    return new Matchmaker(directory, new PeerGroupMatcher(matching.toPolicy()), new PersonFromFhir(), Clock.systemUTC());
  }

  @Bean
  ReferralSettings referralSettings(ReferralProperties referral) {
    if (referral.maxGroupTries() < 1) {
      throw new IllegalArgumentException("aftercare.referral.max-group-tries must be at least 1");
    }
    return new ReferralSettings(
        referral.fhirBaseUrl(), referral.unassignedRegion(), referral.maxGroupTries(), referral.chooseGroupWithin(),
        referral.obtainConsentWithin());
  }

  @Bean
  DischargeToReferralMapper dischargeToReferralMapper(FhirContext fhirContext, ReferralProperties referral, ReferralSettings settings) {
    return new DischargeToReferralMapper(
        fhirContext, new PatientPseudonyms(referral.pseudonymKey()), new PeerGroupToHealthcareServiceMapper(), settings);
  }

  @Bean
  ReferralRerouter referralRerouter(DirectorySnapshot directory, DischargeToReferralMapper mapper, ReferralSettings settings) {
    return new ReferralRerouter(directory, mapper, settings, Clock.systemUTC());
  }

  @Bean
  ReferralQueueSettings referralQueueSettings(ReferralProperties referral) {
    return new ReferralQueueSettings(
        referral.queue(), referral.outbox().sweepInterval(), referral.outbox().sweepGrace());
  }
}
