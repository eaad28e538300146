package org.aftercarebridge.referral;

import static org.aftercarebridge.support.Fixtures.asJson;
import static org.aftercarebridge.support.Fixtures.freshDischarge;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.aftercarebridge.profiles.AftercareProfiles;
import org.aftercarebridge.profiles.ProfileValidator;
import org.aftercarebridge.profiles.ValidationReport;
import org.aftercarebridge.support.Eventually;
import org.aftercarebridge.support.Fixtures;
import org.aftercarebridge.support.Outbox;
import org.aftercarebridge.support.ServiceClient;
import org.aftercarebridge.support.ServiceUnderTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The BALP audit trail through the real stack: the message received, the referral created, its
 * disclosure to the coordinators' queue, reads, searches, updates and refused updates — each an
 * AuditEvent with the client, the resources and the patient by reference, nothing clinical, and
 * queryable by admins only.
 */
class AuditIT extends ServiceUnderTest {

  @AfterEach
  void drain() {
    Outbox.awaitAllPublished(jdbc);
    receiveAll("aftercare.referrals", null, 500);
  }

  @Test
  void everyIntakeDisclosureReadAndUpdateIsAuditedWithoutClinicalContent() {
    HttpResponse<String> referred = service().postMessage(service().clinicToken(), FHIR_JSON, asJson(freshDischarge()));
    String taskId = ServiceClient.taskIdIn(referred.body());
    String coordinator = service().coordinatorToken();
    ObjectNode task = (ObjectNode) ServiceClient.json(service().get("/fhir/Task/" + taskId, coordinator, FHIR_JSON).body());
    String patient = task.at("/for/reference").asText();
    service().get("/fhir/Task?patient=" + patient, coordinator, FHIR_JSON);
    task.put("status", "completed");
    assertThat(service().put("/fhir/Task/" + taskId, coordinator, FHIR_JSON, task.toString()).statusCode()).isEqualTo(409);
    task.put("status", "accepted");
    assertThat(service().put("/fhir/Task/" + taskId, coordinator, FHIR_JSON, task.toString()).statusCode()).isEqualTo(200);
    Outbox.awaitPublished(jdbc, taskId);

    String admin = service().adminToken();
    Eventually.await(() -> trail(admin, "entity=Task/" + taskId).size() >= 6, "the audit trail of Task/" + taskId);
    List<JsonNode> trail = trail(admin, "entity=Task/" + taskId);
    assertThat(trail).extracting(e -> e.at("/subtype/0/code").asText() + ":" + e.at("/outcome").asText())
        .contains("create:0", "disclose:0", "read:0", "search-type:0", "update:0", "update:4");
    JsonNode read = trail.stream().filter(e -> e.at("/subtype/0/code").asText().equals("read")).findFirst().orElseThrow();
    assertThat(read.at("/agent/0/who/display").asText()).isEqualTo("coordinator-console");
    assertThat(read.findValuesAsText("reference")).contains("Task/" + taskId, patient);
    JsonNode disclosed = trail.stream().filter(e -> e.at("/subtype/0/code").asText().equals("disclose")).findFirst().orElseThrow();
    assertThat(disclosed.at("/agent/0/who/display").asText()).isEqualTo("queue:aftercare.referrals");
    assertThat(trail(admin, "subtype=import&patient=" + patient)).hasSize(1);

    String everything = service().get("/fhir/AuditEvent?patient=" + patient + "&_count=100", admin, FHIR_JSON).body();
    assertThat(everything).doesNotContain("Halvorson124").doesNotContain("555-903-1143").doesNotContain("F10");

    ValidationReport report = ProfileValidator.create(Fixtures.FHIR).validate(read.toString(), AftercareProfiles.AUDIT_EVENT);
    assertThat(report.hasErrors()).as(report.errorSummary()).isFalse();
    assertThat(service().get("/fhir/AuditEvent", coordinator, FHIR_JSON).statusCode()).isEqualTo(403);
  }

  private List<JsonNode> trail(String admin, String query) {
    HttpResponse<String> response = service().get("/fhir/AuditEvent?" + query + "&_count=100", admin, FHIR_JSON);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<JsonNode> events = new java.util.ArrayList<>();
    ServiceClient.json(response.body()).path("entry").forEach(entry -> events.add(entry.get("resource")));
    return events;
  }
}
