package org.aftercarebridge.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.aftercarebridge.profiles.AftercareProfiles;
import org.aftercarebridge.profiles.ProfileValidator;
import org.aftercarebridge.profiles.ValidationReport;
import org.aftercarebridge.support.Fixtures;
import org.aftercarebridge.support.ServiceClient;
import org.aftercarebridge.support.ServiceUnderTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Engagement figures through the real stack: a seeded history with known answers (rows as the
 * referral workflow writes them, in a month of their own) read by {@code GET /api/engagement/summary},
 * and a referral worked through the API moving the figures and recording enrolment Observations.
 */
class EngagementIT extends ServiceUnderTest {

  private static final Instant DAY_ZERO = Instant.parse("2024-03-04T10:00:00Z");
  private static final String MARCH = "/api/engagement/summary?from=2024-03-01&to=2024-04-01";

  /**
   * A attended on day 2 (contact day 1); B attended on day 10, dropped out on day 20; C accepted, contact on
   * day 3, never attended; D held for consent; E declined by its group; F, without a group match, in
   * progress after an hour and at its first meeting (the follow-up) on day 5. G was made in April.
   */
  @Test
  void seededScenarioHasTheKnownFigures() {
    String a = referral("aa", "US-MA", "clinic-ehr", DAY_ZERO);
    String aTask = task(a, "fulfill", 1);
    event(a, aTask, 0.5, "requested", "accepted", "3.0");
    followUpCompleted(a, "first-contact", 1);
    event(a, aTask, 2, "accepted", "in-progress", "5.1.4");

    String b = referral("aa", "US-MA", "clinic-ehr", DAY_ZERO);
    String bTask = task(b, "fulfill", 1);
    event(b, bTask, 1, "requested", "accepted", "3.0");
    event(b, bTask, 1.5, "accepted", "accepted", "5.1.1");
    event(b, bTask, 10, "accepted", "in-progress", "5.1.4");
    event(b, bTask, 20, "in-progress", "failed", "6.0");

    String c = referral("smart-recovery", "US-VT", "other-ehr", DAY_ZERO);
    event(c, task(c, "fulfill", 1), 1, "requested", "accepted", "3.0");
    followUpCompleted(c, "first-contact", 3);

    String d = referral("smart-recovery", "US-VT", "other-ehr", DAY_ZERO);
    task(d, "obtain-consent", 1);

    String e = referral("moderation-management", "US-VT", "clinic-ehr", DAY_ZERO);
    event(e, task(e, "fulfill", 1), 1, "requested", "rejected", "4.0");

    String f = referral(null, "US-MA", "other-ehr", DAY_ZERO);
    String fTask = task(f, "choose-group", 1);
    event(f, fTask, 0.01, "requested", "accepted", "3.0");
    event(f, fTask, 0.04, "accepted", "in-progress", "3.0");
    followUpCompleted(f, "first-meeting", 5);

    String g = referral("aa", "US-MA", "clinic-ehr", Instant.parse("2024-04-01T00:00:00Z"));
    event(g, task(g, "fulfill", 1), 1, "requested", "accepted", "3.0");

    JsonNode summary = summary(MARCH);
    JsonNode overall = summary.get("overall");
    assertThat(overall.get("referralsMade").asInt()).isEqualTo(6);
    assertThat(overall.get("consented").asInt()).isEqualTo(5);
    assertThat(overall.get("accepted").asInt()).isEqualTo(4);
    assertThat(overall.get("firstContactWithin48h").asInt()).isEqualTo(3);
    assertThat(overall.get("firstMeetingAttended").asInt()).isEqualTo(3);
    assertThat(overall.get("droppedOut").asInt()).isEqualTo(1);
    assertThat(overall.at("/daysToFirstMeeting/median").asDouble()).isEqualTo(5.0);
    assertThat(overall.at("/daysToFirstMeeting/p90").asDouble()).isEqualTo(10.0);
    assertThat(overall.at("/engagement/0/days").asInt()).isEqualTo(7);
    assertThat(overall.at("/engagement/0/engaged").asInt()).as("A and F by day 7").isEqualTo(2);
    assertThat(overall.at("/engagement/1/engaged").asInt()).as("B left on day 20").isEqualTo(2);
    assertThat(overall.at("/engagement/2/eligible").asInt()).isEqualTo(6);
    assertThat(overall.at("/engagement/2/rate").asDouble()).isEqualTo(0.333);
    assertThat(summary.at("/byProgram/aa/firstMeetingAttended").asInt()).isEqualTo(2);
    assertThat(summary.at("/byProgram/unmatched/referralsMade").asInt()).isEqualTo(1);
    assertThat(summary.at("/byApproach/secular/referralsMade").asInt()).isEqualTo(3);
    assertThat(summary.at("/byRegion/US-VT/accepted").asInt()).isEqualTo(1);
    assertThat(summary.at("/byReferrer/other-ehr/firstContactWithin48h").asInt()).isEqualTo(1);
    assertThat(summary.at("/weekly/0/weekStarting").asText()).isEqualTo("2024-03-04");
  }

  @Test
  void workingAReferralMovesTheFiguresAndRecordsEnrolment() {
    String today = "/api/engagement/summary?from=" + Instant.now().minus(Duration.ofDays(1)) + "&to=" + Instant.now().plus(Duration.ofDays(1));
    JsonNode before = summary(today).get("overall");

    HttpResponse<String> intake = service().postMessage(service().clinicToken(), FHIR_JSON, Fixtures.asJson(Fixtures.freshDischarge(
        bundle -> Fixtures.dischargedAt(bundle, Instant.now().minus(Duration.ofDays(3))))));
    assertThat(intake.statusCode()).as(intake.body()).isEqualTo(200);
    String taskId = ServiceClient.taskIdIn(intake.body());
    acceptAsCoordinator(taskId);
    recordAttendance(taskId);

    JsonNode after = summary(today).get("overall");
    assertThat(after.get("referralsMade").asInt() - before.get("referralsMade").asInt()).isEqualTo(1);
    assertThat(after.get("accepted").asInt() - before.get("accepted").asInt()).isEqualTo(1);
    assertThat(after.get("firstMeetingAttended").asInt() - before.get("firstMeetingAttended").asInt()).isEqualTo(1);

    String patient = ServiceClient.json(service().get("/fhir/Task/" + taskId, service().coordinatorToken(), FHIR_JSON).body())
        .at("/for/reference").asText();
    JsonNode enrolled = observations(patient);
    assertThat(enrolled.get("total").asInt()).isEqualTo(1);
    JsonNode observation = enrolled.at("/entry/0/resource");
    assertThat(observation.at("/valueCodeableConcept/coding/0/code").asText()).isEqualTo("enrolled");
    assertThat(observation.at("/category/0/coding/0/code").asText()).isEqualTo("program-enrollment");
    assertThat(observation.at("/focus/0/reference").asText()).startsWith("HealthcareService/");
    assertThat(observation.at("/meta/profile/0").asText()).isEqualTo(AftercareProfiles.ENROLLMENT_STATUS);
    ValidationReport report = ProfileValidator.create(Fixtures.FHIR).validate(observation.toString(), AftercareProfiles.ENROLLMENT_STATUS);
    assertThat(report.hasErrors()).as(report.errorSummary()).isFalse();

    dropOut(taskId);
    JsonNode dropped = summary(today).get("overall");
    assertThat(dropped.get("droppedOut").asInt() - before.get("droppedOut").asInt()).isEqualTo(1);
    assertThat(observations(patient).at("/entry/0/resource/valueCodeableConcept/coding/0/code").asText()).isEqualTo("not-enrolled");
  }

  @Test
  void badPeriodsAndCallersAreRefused() {
    assertThat(service().get("/api/engagement/summary?from=yesterday", service().staffToken(), "application/json").statusCode())
        .isEqualTo(400);
    HttpResponse<String> backwards =
        service().get("/api/engagement/summary?from=2024-04-01&to=2024-03-01", service().staffToken(), "application/json");
    assertThat(backwards.statusCode()).isEqualTo(400);
    assertThat(backwards.body()).contains("must be before");
    assertThat(service().get("/api/engagement/summary?from=2010-01-01&to=2024-01-01", service().staffToken(), "application/json")
        .statusCode()).isEqualTo(400);
    assertThat(service().get(MARCH, service().coordinatorToken(), "application/json").statusCode()).isEqualTo(403);
    assertThat(service().get(MARCH, null, "application/json").statusCode()).isEqualTo(401);
  }

  @Test
  void theSummaryIsDescribedInOpenApi() {
    HttpResponse<String> docs = service().get("/v3/api-docs", null, "application/json");
    assertThat(docs.statusCode()).isEqualTo(200);
    JsonNode summary = ServiceClient.json(docs.body()).at("/paths/~1api~1engagement~1summary/get");
    assertThat(summary.get("summary").asText()).isEqualTo("Engagement of the referrals made in a period");
    assertThat(summary.get("parameters")).extracting(p -> p.get("name").asText()).containsExactly("from", "to");
  }

  private JsonNode summary(String path) {
    HttpResponse<String> response = service().get(path, service().staffToken(), "application/json");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return ServiceClient.json(response.body());
  }

  private JsonNode observations(String patient) {
    HttpResponse<String> response = service().get("/fhir/Observation?patient=" + patient, service().coordinatorToken(), FHIR_JSON);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return ServiceClient.json(response.body());
  }

  private void dropOut(String taskId) {
    String failed = "[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"failed\"},"
        + "{\"op\":\"add\",\"path\":\"/statusReason\",\"value\":{\"text\":\"stopped coming\"}}]";
    HttpResponse<String> response = service().patch("/fhir/Task/" + taskId, service().coordinatorToken(), "application/json-patch+json", failed);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  // The seeded history: rows as the referral workflow writes them (Tasks already finished, so no scheduler acts on them).

  /** Takes the seeded rows out again: other tests count referrals, and the schedulers must find nothing of them. */
  @AfterEach
  void removeSeeded() {
    for (String table : List.of("referral_event", "followup", "referral_task")) {
      jdbc.sql("delete from " + table + " where referral_id in (select id from referral where patient_id like 'seed-%')").update();
    }
    jdbc.sql("delete from referral where patient_id like 'seed-%'").update();
  }

  private String referral(String program, String region, String referrer, Instant madeAt) {
    String id = UUID.randomUUID().toString();
    jdbc.sql("insert into referral (id, task_id, service_request_id, patient_id, patient_key, region, group_id, program, source_sender,"
            + " source_bundle_id, source_message_id, discharged_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(id, "seed-task-" + id, "seed-sr-" + id, "seed-patient-" + id, "seed-key-" + id, region,
            program == null ? null : "seed-group", program, referrer, id, id, Timestamp.from(madeAt), Timestamp.from(madeAt.plusSeconds(600)))
        .update();
    return id;
  }

  private String task(String referral, String code, int attempt) {
    String id = UUID.randomUUID().toString();
    jdbc.sql("insert into referral_task (id, referral_id, code, status, patient_id, focus_ref, attempt, version_id, last_updated)"
            + " values (?, ?, ?, 'completed', 'seed', 'ServiceRequest/seed', ?, 1, ?)")
        .params(id, referral, code, attempt, Timestamp.from(DAY_ZERO))
        .update();
    return id;
  }

  private void event(String referral, String task, double day, String from, String to, String businessStatus) {
    jdbc.sql("insert into referral_event (id, referral_id, task_id, occurred_at, from_status, to_status, business_status, actor)"
            + " values (?, ?, ?, ?, ?, ?, ?, 'seed')")
        .params(UUID.randomUUID().toString(), referral, task, Timestamp.from(at(day)), from, to, businessStatus)
        .update();
  }

  private void followUpCompleted(String referral, String kind, double day) {
    String task = task(referral, kind, 0);
    jdbc.sql("insert into followup (id, referral_id, kind, due_at, done_by, state, task_id) values (?, ?, ?, ?, ?, 'published', ?)")
        .params(UUID.randomUUID().toString(), referral, kind, Timestamp.from(DAY_ZERO), Timestamp.from(at(day + 2)), task)
        .update();
    event(referral, task, day, "requested", "completed", "7.0");
  }

  private static Instant at(double day) {
    return DAY_ZERO.plusSeconds(Math.round(day * 86_400));
  }
}
