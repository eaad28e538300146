package org.aftercarebridge.integration.support;

import ca.uhn.fhir.context.FhirContext;
import java.time.Duration;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
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
import org.aftercarebridge.integration.support.cluster.DatabaseLeaseClusterService;
import org.aftercarebridge.referral.ClinicUpdates;
import org.aftercarebridge.referral.FollowUpPlan;
import org.aftercarebridge.referral.ReferralExpiry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
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
  IntegrationConfiguration.ConsentProperties.class,
  IntegrationConfiguration.FollowUpProperties.class,
  IntegrationConfiguration.ClusterProperties.class,
  IntegrationConfiguration.ClinicUpdateProperties.class
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
   * @param taskUpdateRegions per broker user, the referral regions whose Tasks it may update by queue ({@code *}: all)
   * @param overdueAfter a referral Task unchanged this long (requested, accepted, on hold) is flagged overdue
   * @param expireAfter … and this long, expires
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
      @DefaultValue("aftercare.task-updates") String taskUpdatesQueue,
      @DefaultValue("7d") Duration overdueAfter,
      @DefaultValue("30d") Duration expireAfter,
      java.util.Map<String, java.util.List<String>> taskUpdateRegions) {

    public ReferralProperties {
      taskUpdateRegions = taskUpdateRegions == null ? java.util.Map.of() : java.util.Map.copyOf(taskUpdateRegions);
    }

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

  /**
   * {@code aftercare.followups.*}
   *
   * @param pollInterval how often due and overdue follow-ups are looked for (on the cluster's leader)
   * @param queue where follow-up Tasks are published
   * @param escalations where coordinator leads are told of overdue follow-ups
   * @param plan the follow-ups of every referral (kind, display, after discharge, within); the default is {@link #DEFAULT_PLAN}
   */
  @ConfigurationProperties("aftercare.followups")
  public record FollowUpProperties(
      @DefaultValue("30s") Duration pollInterval,
      @DefaultValue("aftercare.followups") String queue,
      @DefaultValue("aftercare.escalations") String escalations,
      List<FollowUpPlan.Item> plan) {

    /** First contact within 48 h of discharge, first meeting within 7 days, check-ins at 7, 30 and 90 days. */
    public static final List<FollowUpPlan.Item> DEFAULT_PLAN = List.of(
        new FollowUpPlan.Item("first-contact", "First contact", Duration.ZERO, Duration.ofHours(48)),
        new FollowUpPlan.Item("first-meeting", "First meeting", Duration.ofDays(3), Duration.ofDays(4)),
        new FollowUpPlan.Item("check-in-7d", "7-day check-in", Duration.ofDays(7), Duration.ofDays(2)),
        new FollowUpPlan.Item("check-in-30d", "30-day check-in", Duration.ofDays(30), Duration.ofDays(3)),
        new FollowUpPlan.Item("check-in-90d", "90-day check-in", Duration.ofDays(90), Duration.ofDays(7)));
  }

  /**
   * {@code aftercare.cluster.*}: which instance runs the singleton routes (follow-up scheduling).
   *
   * @param lease {@code database} (a lease row in the shared database; embedded mode) or {@code kubernetes}
   *     (Camel's Kubernetes Lease cluster service, {@code camel.cluster.kubernetes.*}; production)
   * @param leaseFor how long a database lease lasts unrenewed before another instance takes over
   * @param renewEvery how often the holder renews it (and the others try)
   * @param leaseName the Kubernetes Lease's name
   * @param podLabels Kubernetes: the labels of the pods that are candidates (the Helm chart sets its release's)
   */
  @ConfigurationProperties("aftercare.cluster")
  public record ClusterProperties(
      @DefaultValue("database") String lease,
      @DefaultValue("15s") Duration leaseFor,
      @DefaultValue("3s") Duration renewEvery,
      @DefaultValue("aftercare-bridge") String leaseName,
      Map<String, String> podLabels) {}

  /**
   * {@code aftercare.clinic-updates.*}: status back to the referring clinical systems.
   *
   * @param endpoints FHIR base URL per referring client (the client id it authenticates with); none: no updates sent
   * @param maxAttempts deliveries tried before an update is given up and dead-lettered
   * @param firstRetry the wait after a first failure; it doubles after each, up to {@code longestWait}
   * @param pollInterval how often due updates are looked for
   */
  @ConfigurationProperties("aftercare.clinic-updates")
  public record ClinicUpdateProperties(
      Map<String, String> endpoints,
      @DefaultValue("8") int maxAttempts,
      @DefaultValue("2s") Duration firstRetry,
      @DefaultValue("5m") Duration longestWait,
      @DefaultValue("2s") Duration pollInterval) {}

  @Bean
  ReferralExpiry.Settings referralExpirySettings(ReferralProperties referral, FollowUpProperties followUps) {
    return new ReferralExpiry.Settings(referral.overdueAfter(), referral.expireAfter(), followUps.escalations());
  }

  @Bean
  ClinicUpdates.Settings clinicUpdateSettings(ClinicUpdateProperties clinic) {
    return new ClinicUpdates.Settings(
        clinic.endpoints() == null ? Map.of() : clinic.endpoints(), clinic.maxAttempts(), clinic.firstRetry(), clinic.longestWait());
  }

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  FollowUpPlan followUpPlan(FollowUpProperties followUps) {
    return new FollowUpPlan(
        followUps.plan() == null || followUps.plan().isEmpty() ? FollowUpProperties.DEFAULT_PLAN : followUps.plan(),
        followUps.queue(),
        followUps.escalations());
  }

  @Bean
  @ConditionalOnProperty(name = "aftercare.cluster.lease", havingValue = "database", matchIfMissing = true)
  DatabaseLeaseClusterService databaseLeaseClusterService(JdbcClient jdbc, ClusterProperties cluster) {
    return new DatabaseLeaseClusterService(jdbc, cluster.leaseFor(), cluster.renewEvery());
  }

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
