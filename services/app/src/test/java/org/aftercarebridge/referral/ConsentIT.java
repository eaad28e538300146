package org.aftercarebridge.referral;

import static org.aftercarebridge.support.Fixtures.asJson;
import static org.aftercarebridge.support.Fixtures.freshDischarge;
import static org.aftercarebridge.support.Fixtures.freshDischargeWithoutConsent;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.jms.Message;
import java.net.http.HttpResponse;
import java.util.List;
import org.aftercarebridge.support.Fixtures;
import org.aftercarebridge.support.Broker;
import org.aftercarebridge.support.Outbox;
import org.aftercarebridge.support.ServiceClient;
import org.aftercarebridge.support.ServiceUnderTest;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Consent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * 42 CFR Part 2 through the real stack: without a consent covering the peer coordinators a referral
 * is held and nothing goes out; with one it is announced with its security labels and the minimum
 * necessary; a consent obtained later releases it; a revoked one stops what was not yet disclosed.
 */
class ConsentIT extends ServiceUnderTest {

  @AfterEach
  void drainTheReferralQueue() {
    Outbox.awaitAllPublished(jdbc);
    receiveAll("aftercare.referrals", null, 1000);
  }

  @Test
  void withoutConsentNothingIsDisclosedAndTheTreatmentCentreIsAskedToObtainOne() {
    HttpResponse<String> response = service().postMessage(service().clinicToken(), FHIR_JSON, asJson(freshDischargeWithoutConsent()));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).contains("held under 42 CFR Part 2").contains("nothing disclosed");
    String taskId = ServiceClient.taskIdIn(response.body());
    JsonNode task = read("/fhir/Task/" + taskId, service().clinicToken());
    assertThat(task.at("/code/coding/0/code").asText()).isEqualTo("obtain-consent");
    assertThat(task.at("/owner/display").asText()).isEqualTo("HOLY FAMILY HOSPITAL");
    assertThat(task.at("/note/0/text").asText()).contains("no consent came with the discharge");
    assertThat(receiveAll("aftercare.referrals", "taskId = '" + taskId + "'", 2000)).isEmpty();
    assertThat(jdbc.sql("select count(*) from referral_outbox o join referral_task t on t.referral_id = o.referral_id where t.id = ?")
        .param(taskId).query(Integer.class).single()).isZero();
    JsonNode request = read("/fhir/ServiceRequest/" + task.at("/focus/reference").asText().substring("ServiceRequest/".length()), service().clinicToken());
    assertThat(request.at("/status").asText()).isEqualTo("on-hold");
  }

  @Test
  void aConsentThatDoesNotNameThePeerCoordinatorsIsNoConsent() {
    Bundle message = freshDischarge(bundle -> consentIn(bundle).getProvision().getActor().remove(0));
    HttpResponse<String> response = service().postMessage(service().clinicToken(), FHIR_JSON, asJson(message));

    assertThat(response.body()).contains("held under 42 CFR Part 2");
    JsonNode task = read("/fhir/Task/" + ServiceClient.taskIdIn(response.body()), service().clinicToken());
    assertThat(task.at("/note/0/text").asText()).contains("does not name the peer coordinators");
  }

  @Test
  void withConsentTheReferralGoesOutLabelledAndWithTheMinimumNecessary() {
    HttpResponse<String> response = service().postMessage(service().clinicToken(), FHIR_JSON, asJson(freshDischarge()));
    String taskId = ServiceClient.taskIdIn(response.body());
    JsonNode task = read("/fhir/Task/" + taskId, service().coordinatorToken());
    JsonNode request = read("/fhir/" + task.at("/focus/reference").asText(), service().coordinatorToken());
    String consentReference = request.at("/supportingInfo/0/reference").asText();
    assertThat(consentReference).startsWith("Consent/");
    assertThat(read("/fhir/" + consentReference, service().coordinatorToken()).at("/policyRule/coding/0/code").asText()).isEqualTo("42CFRPart2");

    Outbox.awaitPublished(jdbc, taskId);
    List<Message> messages = receiveAll("aftercare.referrals", "taskId = '" + taskId + "'", 5000);
    assertThat(messages).hasSize(1);
    JsonNode announced = ServiceClient.json(Broker.text(messages.get(0)));
    for (JsonNode entry : announced.get("entry")) {
      String type = entry.at("/resource/resourceType").asText();
      if (List.of("Task", "ServiceRequest", "Patient").contains(type)) {
        assertThat(entry.at("/resource/meta/security").findValuesAsText("code")).as(type).contains("R", "SUD", "42CFRPart2");
      }
    }
    assertThat(announced.at("/meta/security").findValuesAsText("code")).contains("R", "42CFRPart2");
    assertThat(Broker.text(messages.get(0)))
        .doesNotContain("\"resourceType\":\"Consent\"")
        .doesNotContain("999-87-1037")        // SSN
        .doesNotContain("715 Crona Corner")   // street
        .doesNotContain("us-core-race");
  }

  @Test
  void aConsentObtainedLaterReleasesTheHeldReferral() {
    HttpResponse<String> held = service().postMessage(service().clinicToken(), FHIR_JSON, asJson(freshDischargeWithoutConsent()));
    String obtainTask = ServiceClient.taskIdIn(held.body());
    JsonNode task = read("/fhir/Task/" + obtainTask, service().clinicToken());

    Consent consent = consentIn(freshDischarge());
    consent.setId((String) null);
    consent.getPatient().setReference(task.at("/for/reference").asText());
    HttpResponse<String> created = service().post("/fhir/Consent", service().clinicToken(), FHIR_JSON, Fixtures.FHIR.newJsonParser().encodeResourceToString(consent));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

    assertThat(read("/fhir/Task/" + obtainTask, service().clinicToken()).at("/status").asText()).isEqualTo("completed");
    String fulfil = jdbc.sql("select t.id from referral_task t join referral_task o on o.referral_id = t.referral_id"
        + " where o.id = ? and t.code = 'fulfill'").param(obtainTask).query(String.class).single();
    JsonNode released = read("/fhir/Task/" + fulfil, service().coordinatorToken());
    assertThat(released.at("/owner/reference").asText()).startsWith("HealthcareService/");
    JsonNode request = read("/fhir/" + released.at("/focus/reference").asText(), service().coordinatorToken());
    assertThat(request.at("/status").asText()).isEqualTo("active");
    assertThat(request.at("/supportingInfo/0/reference").asText()).isEqualTo("Consent/" + ServiceClient.json(created.body()).at("/id").asText());
    Outbox.awaitPublished(jdbc, fulfil);
    assertThat(receiveAll("aftercare.referrals", "taskId = '" + fulfil + "'", 5000)).hasSize(1);
  }

  @Test
  void aRevokedConsentStopsWhatWasNotYetDisclosed() {
    HttpResponse<String> response = service().postMessage(service().clinicToken(), FHIR_JSON, asJson(freshDischarge()));
    String taskId = ServiceClient.taskIdIn(response.body());
    Outbox.awaitPublished(jdbc, taskId);
    receiveAll("aftercare.referrals", "taskId = '" + taskId + "'", 3000);
    // an announcement of the referral that has not gone out yet
    // (fresh, so the outbox sweep's grace period leaves it to the immediate publish that never came)
    jdbc.sql("update referral_outbox set id = ?, published_at = null, claimed_until = null, created_at = ? where task_id = ?")
        .param("pending-" + taskId).param(java.sql.Timestamp.from(java.time.Instant.now())).param(taskId).update();
    JsonNode task = read("/fhir/Task/" + taskId, service().coordinatorToken());
    String consentReference = read("/fhir/" + task.at("/focus/reference").asText(), service().clinicToken()).at("/supportingInfo/0/reference").asText();
    ObjectNode revoked = (ObjectNode) read("/fhir/" + consentReference, service().clinicToken()).deepCopy();
    revoked.put("status", "inactive");

    HttpResponse<String> put = service().put("/fhir/" + consentReference, service().clinicToken(), FHIR_JSON, revoked.toString());

    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    JsonNode cancelled = read("/fhir/Task/" + taskId, service().coordinatorToken());
    assertThat(cancelled.at("/status").asText()).isEqualTo("cancelled");
    assertThat(cancelled.at("/statusReason/text").asText()).isEqualTo("consent revoked");
    assertThat(jdbc.sql("select count(*) from referral_outbox where id = ? and withdrawn_at is not null").param("pending-" + taskId)
        .query(Integer.class).single()).isEqualTo(1);
    assertThat(read("/fhir/" + task.at("/focus/reference").asText(), service().clinicToken()).at("/status").asText()).isEqualTo("revoked");
    List<Message> told = receiveAll("aftercare.referrals", "taskId = '" + taskId + "'", 5000);
    assertThat(told).hasSize(1); // the cancellation, not the withdrawn announcement
    JsonNode cancellation = ServiceClient.json(Broker.text(told.get(0)));
    assertThat(cancellation.get("entry")).hasSize(1);
    assertThat(cancellation.at("/entry/0/resource/status").asText()).isEqualTo("cancelled");
  }

  @Test
  void consentsWeCannotTakeAreRefusedWithTheReason() {
    Consent aboutNobody = consentIn(freshDischarge());
    aboutNobody.setId((String) null);
    aboutNobody.getPatient().setReference("Patient/nobody-we-know");
    HttpResponse<String> unknown = service().post("/fhir/Consent", service().clinicToken(), FHIR_JSON, Fixtures.FHIR.newJsonParser().encodeResourceToString(aboutNobody));
    assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(422);
    assertThat(unknown.body()).contains("Consent.patient");

    Consent noEnd = consentIn(freshDischarge());
    noEnd.setId((String) null);
    noEnd.getProvision().getPeriod().setEnd(null);
    HttpResponse<String> invalid = service().post("/fhir/Consent", service().clinicToken(), FHIR_JSON, Fixtures.FHIR.newJsonParser().encodeResourceToString(noEnd));
    assertThat(invalid.statusCode()).as(invalid.body()).isEqualTo(422);
    assertThat(invalid.body()).contains("provision.period.end");

    assertThat(service().post("/fhir/Consent", service().coordinatorToken(), FHIR_JSON, Fixtures.FHIR.newJsonParser().encodeResourceToString(noEnd))
        .statusCode()).isEqualTo(403);
  }

  /** The README walkthrough's files: the example with its consent is referred; the consent alone releases a held one. */
  @Test
  void theWalkthroughExamplesDoWhatTheReadmeSays() throws Exception {
    String withConsent = java.nio.file.Files.readString(java.nio.file.Path.of("../../docs/examples/discharge-with-consent.json"))
        .replace("discharge-notification-message-bundle-01", java.util.UUID.randomUUID().toString())
        .replace("df0bb058-e0bb-11ea-a11a-864d2e68a322", java.util.UUID.randomUUID().toString());
    HttpResponse<String> referred = service().postMessage(service().clinicToken(), FHIR_JSON, withConsent);
    assertThat(referred.body()).contains("Referral created");

    HttpResponse<String> held = service().postMessage(service().clinicToken(), FHIR_JSON, asJson(freshDischargeWithoutConsent()));
    JsonNode task = read("/fhir/Task/" + ServiceClient.taskIdIn(held.body()), service().clinicToken());
    String consent = java.nio.file.Files.readString(java.nio.file.Path.of("../../docs/examples/part2-consent.json"))
        .replace("Patient/PATIENT_ID", task.at("/for/reference").asText());
    HttpResponse<String> created = service().post("/fhir/Consent", service().clinicToken(), FHIR_JSON, consent);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(read("/fhir/Task/" + task.at("/id").asText(), service().clinicToken()).at("/status").asText()).isEqualTo("completed");
  }

  private static Consent consentIn(Bundle bundle) {
    return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(Consent.class::isInstance).map(Consent.class::cast).findFirst().orElseThrow();
  }

  private JsonNode read(String path, String token) {
    HttpResponse<String> response = service().get(path, token, FHIR_JSON);
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return ServiceClient.json(response.body());
  }

}
