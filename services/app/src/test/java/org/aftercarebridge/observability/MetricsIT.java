package org.aftercarebridge.observability;

import static org.aftercarebridge.support.Fixtures.asJson;
import static org.aftercarebridge.support.Fixtures.freshDischarge;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aftercarebridge.support.Eventually;
import org.aftercarebridge.support.Hl7v2Messages;
import org.aftercarebridge.support.MllpClient;
import org.aftercarebridge.support.ServiceUnderTest;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus endpoint (admin only) counts intake by source and outcome and referrals by
 * program, next to the JVM, HTTP and connection-pool meters; no meter names a person.
 */
class MetricsIT extends ServiceUnderTest {

  @Test
  void intakeAndReferralsAreCountedWithoutNamingAnyone() {
    String before = scrape();
    assertThat(service().postMessage(service().clinicToken(), FHIR_JSON, asJson(freshDischarge())).statusCode()).isEqualTo(200);
    assertThat(service().postMessage(service().clinicToken(), FHIR_JSON, "{\"resourceType\":\"Bundle\",\"type\":\"message\"}").statusCode())
        .isEqualTo(422);
    String controlId = "METRICS-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(MllpClient.send(MLLP_PORT, Hl7v2Messages.withControlId("adt-a03-v2.5.1.hl7", controlId))).contains("MSA|AA|");
    String after = scrape();

    assertThat(increase(before, after, "aftercare_intake_events_total", "outcome=\"referred\",source=\"fhir\"")).isEqualTo(1);
    assertThat(increase(before, after, "aftercare_intake_events_total", "outcome=\"refused\",source=\"fhir\"")).isEqualTo(1);
    assertThat(increase(before, after, "aftercare_intake_events_total", "outcome=\"held\",source=\"hl7v2\"")).isEqualTo(1);
    assertThat(after).contains("aftercare_referrals_made_total{program=");
    assertThat(after).contains("jvm_memory_used_bytes", "http_server_requests_seconds_count", "hikaricp_connections_active");
    assertThat(after).doesNotContain("Halvorson").doesNotContain("MRN-1042").doesNotContain("999-87-1037");
  }

  @Test
  void engagementFollowUpBrokerAndRouteMetersAreExposed() {
    String before = scrape();
    referralAttended();
    Eventually.await(() -> !Double.isNaN(value(scrape(), "aftercare_followups_open", "state=\"due\"")), "follow-ups counted");
    String after = scrape();

    assertThat(sum(after, "aftercare_engagement_first_meeting_days_count") - sum(before, "aftercare_engagement_first_meeting_days_count"))
        .isEqualTo(1);
    assertThat(after).containsPattern("aftercare_engagement_first_meeting_days_bucket\\{program=\"[a-z-]+\",le=\"7.0\"\\}");
    assertThat(after).contains("aftercare_followups_open{state=\"overdue\"} ");
    assertThat(value(after, "artemis_message_count", "address=\"DLQ.aftercare.referrals\"")).isGreaterThanOrEqualTo(0);
    assertThat(after).contains("artemis_message_count{address=\"aftercare.referrals\"");
    assertThat(sum(after, "camel_exchanges_total")).isGreaterThan(0);
    assertThat(after).containsPattern("camel_route_policy_seconds_count\\{[^}]*routeId=\"referral-from-discharge\"");
  }

  /** The Helm chart's Grafana dashboard and alert rules ask only for meters the service exposes (a renamed meter fails here). */
  @Test
  void theDashboardAndAlertRulesQueryMetersThatExist() throws Exception {
    referralAttended(); // so that every kind of meter has been touched
    String scrape = scrape();
    Path monitoring = Path.of("..", "..", "helm", "aftercare-bridge", "monitoring");
    String queries = Files.readString(monitoring.resolve("grafana-dashboard.json")) + Files.readString(monitoring.resolve("alert-rules.yaml"));
    Matcher meter = Pattern.compile("\\b((?:aftercare|artemis|camel|http|hikaricp|jvm)_[a-z_]+)").matcher(queries);
    Set<String> asked = new TreeSet<>();
    while (meter.find()) {
      asked.add(meter.group(1));
    }
    assertThat(asked).contains("aftercare_intake_events_total", "aftercare_followups_open", "artemis_message_count", "camel_exchanges_failed_total");
    assertThat(asked).allSatisfy(name -> assertThat(scrape).as("the service exposes " + name).containsPattern("(?m)^" + name + "[{ ]"));
  }

  @Test
  void onlyScrapersAndAdminsScrape() {
    assertThat(service().get("/actuator/prometheus", service().staffToken(), "text/plain").statusCode()).isEqualTo(403);
    assertThat(service().get("/actuator/prometheus", service().metricsToken(), "text/plain").statusCode()).isEqualTo(200);
  }

  private String scrape() {
    HttpResponse<String> response = service().get("/actuator/prometheus", service().adminToken(), "text/plain");
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  /** A fresh referral, accepted, its first meeting attended. */
  private void referralAttended() {
    String taskId = referralTask();
    acceptAsCoordinator(taskId);
    recordAttendance(taskId);
  }

  /** The sum of every sample of {@code name}. */
  private static double sum(String scrape, String name) {
    Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? (\\S+)$").matcher(scrape);
    double sum = 0;
    while (sample.find()) {
      sum += Double.parseDouble(sample.group(2));
    }
    return sum;
  }

  private static double increase(String before, String after, String name, String tags) {
    return value(after, name, tags) - value(before, name, tags);
  }

  /** The sample's value (0 when absent): {@code name{tags,...} value}. */
  private static double value(String scrape, String name, String tags) {
    Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{" + Pattern.quote(tags) + "[^}]*\\} (\\S+)$").matcher(scrape);
    return sample.find() ? Double.parseDouble(sample.group(1)) : 0;
  }
}
