package org.aftercarebridge.referral;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.jms.Message;
import java.net.http.HttpResponse;
import java.util.List;
import org.aftercarebridge.support.Broker;
import org.aftercarebridge.support.Eventually;
import org.aftercarebridge.support.Outbox;
import org.aftercarebridge.support.ServiceClient;
import org.aftercarebridge.support.ServiceUnderTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Coordinators and clinics work a referral Task through the real stack: search, the Gravity lifecycle
 * (allowed and refused moves, each refusal an OperationOutcome with the right status), attendance
 * in the BSeR business status, optimistic locking, JSON Patch, the task-updates queue with its dead
 * letters, and a decline that hands the referral to the next matched group and finally to a
 * coordinator's choose-group Task.
 */
class TaskWorkflowIT extends ServiceUnderTest {

  private static final String JSON_PATCH = "application/json-patch+json";

  /** Other tests count the messages for the same example patient: leave the queue as found. */
  @AfterEach
  void drainTheReferralQueue() {
    Outbox.awaitAllPublished(jdbc);
    receiveAll("aftercare.referrals", null, 1000);
  }

  @Test
  void aCoordinatorFindsAcceptsAndRecordsAttendance() {
    String taskId = referralTask();
    String coordinator = service().coordinatorToken();
    JsonNode task = read(taskId);
    String owner = task.at("/owner/reference").asText();

    JsonNode found = ServiceClient.json(service().get("/fhir/Task?status=requested&owner=" + owner, coordinator, FHIR_JSON).body());
    assertThat(found.findValuesAsText("id")).contains(taskId);

    HttpResponse<String> accepted = service().put("/fhir/Task/" + taskId, coordinator, FHIR_JSON, with(task, "accepted"));
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
    JsonNode afterAccept = ServiceClient.json(accepted.body());
    assertThat(afterAccept.at("/meta/versionId").asText()).isEqualTo("2");
    assertThat(afterAccept.at("/businessStatus/coding/0/code").asText()).isEqualTo("3.0");

    HttpResponse<String> started = service().patch("/fhir/Task/" + taskId, coordinator, JSON_PATCH,
        "[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"in-progress\"},"
            + "{\"op\":\"replace\",\"path\":\"/businessStatus/coding/0\",\"value\":{\"system\":\"http://hl7.org/fhir/us/bser/CodeSystem/TaskBusinessStatusCS\",\"code\":\"5.1.4\",\"display\":\"Event Completed\"}}]");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    assertThat(ServiceClient.json(started.body()).at("/businessStatus/coding/0/code").asText()).isEqualTo("5.1.4");

    List<String> events = jdbc.sql("select concat(coalesce(from_status, ''), '>', to_status, ':', business_status) from referral_event"
            + " where task_id = ? order by occurred_at, to_status").param(taskId).query(String.class).list();
    assertThat(events).containsExactly("requested>accepted:3.0", "accepted>in-progress:5.1.4");
  }

  @Test
  void refusedMovesAnswerWithTheirStatusAndNameTheElement() {
    String taskId = referralTask();
    JsonNode task = read(taskId);
    String coordinator = service().coordinatorToken();

    HttpResponse<String> notTheirs = service().put("/fhir/Task/" + taskId, service().clinicToken(), FHIR_JSON, with(task, "accepted"));
    assertThat(notTheirs.statusCode()).as(notTheirs.body()).isEqualTo(403);
    assertThat(notTheirs.body()).contains("only the performer").contains("Task.status");

    HttpResponse<String> skipping = service().put("/fhir/Task/" + taskId, coordinator, FHIR_JSON, with(task, "completed"));
    assertThat(skipping.statusCode()).as(skipping.body()).isEqualTo(409);
    assertThat(skipping.body()).contains("cannot move from requested to completed");

    HttpResponse<String> notUsed = service().put("/fhir/Task/" + taskId, coordinator, FHIR_JSON, with(task, "received"));
    assertThat(notUsed.statusCode()).as(notUsed.body()).isEqualTo(422);

    ObjectNode otherPatient = (ObjectNode) task.deepCopy();
    ((ObjectNode) otherPatient.get("for")).put("reference", "Patient/somebody-else");
    HttpResponse<String> rewritten = service().put("/fhir/Task/" + taskId, coordinator, FHIR_JSON, with(otherPatient, "accepted"));
    assertThat(rewritten.statusCode()).as(rewritten.body()).isEqualTo(422);
    assertThat(rewritten.body()).contains("Task.for cannot change").contains("only status, statusReason, businessStatus, output and note can");

    HttpResponse<String> noReason = service().put("/fhir/Task/" + taskId, coordinator, FHIR_JSON, with(task, "rejected"));
    assertThat(noReason.statusCode()).as(noReason.body()).isEqualTo(422);
    assertThat(noReason.body()).contains("Task.statusReason");

    HttpResponse<String> attendedBeforeAccepting = service().patch("/fhir/Task/" + taskId, coordinator, JSON_PATCH,
        "[{\"op\":\"replace\",\"path\":\"/businessStatus/coding/0/code\",\"value\":\"5.1.4\"}]");
    assertThat(attendedBeforeAccepting.statusCode()).as(attendedBeforeAccepting.body()).isEqualTo(422);
    assertThat(attendedBeforeAccepting.body()).contains("does not go with status requested");

    assertThat(service().put("/fhir/Task/" + taskId, coordinator, FHIR_JSON, with(task, "accepted")).statusCode()).isEqualTo(200);
    HttpResponse<String> stale = service().put("/fhir/Task/" + taskId, coordinator, FHIR_JSON, with(task, "in-progress"), "1");
    assertThat(stale.statusCode()).as(stale.body()).isEqualTo(412);

    assertThat(service().put("/fhir/Task/no-such-task", coordinator, FHIR_JSON, with(idChanged(task, "no-such-task"), "accepted")).statusCode())
        .isEqualTo(404);
    assertThat(read(taskId).at("/status").asText()).isEqualTo("accepted");
  }

  @Test
  void aDeclineGoesToTheNextMatchedGroupThenToACoordinatorsChoice() {
    String first = referralTask();
    JsonNode task = read(first);
    int offered = task.findValues("url").stream().filter(u -> u.asText().endsWith("match-explanation")).toList().size();
    assertThat(offered).as("groups matching offered").isGreaterThanOrEqualTo(2);

    String second = decline(first);
    JsonNode next = read(second);
    assertThat(next.at("/status").asText()).isEqualTo("requested");
    assertThat(next.at("/owner/reference").asText()).isNotEqualTo(task.at("/owner/reference").asText()).startsWith("HealthcareService/");
    String nextGroup = next.at("/owner/reference").asText();
    JsonNode requests = ServiceClient.json(service().get("/fhir/ServiceRequest?status=active&performer=" + nextGroup
        + "&patient=" + next.at("/for/reference").asText(), service().coordinatorToken(), FHIR_JSON).body());
    assertThat(requests.at("/total").asInt()).isEqualTo(1);
    assertThat(requests.at("/entry/0/resource/performer/0/reference").asText()).isEqualTo(nextGroup);
    Outbox.awaitPublished(jdbc, second);
    List<Message> announced = receiveAll("aftercare.referrals", "taskId = '" + second + "'", 5000);
    assertThat(announced).hasSize(1);
    assertThat(Broker.text(announced.get(0))).contains(next.at("/owner/reference").asText());

    String last = second;
    for (int asked = 2; asked < Math.min(offered, 3); asked++) {
      last = decline(last);
    }
    String choice = decline(last);
    JsonNode choose = read(choice);
    assertThat(choose.at("/code/coding/0/code").asText()).isEqualTo("choose-group");
    assertThat(choose.has("owner")).isFalse();
    assertThat(choose.at("/partOf/0/reference").asText()).isEqualTo("Task/" + last);
    Outbox.awaitPublished(jdbc, choice);
    assertThat(receiveAll("aftercare.referrals", "taskId = '" + choice + "' and region = 'unassigned'", 5000)).hasSize(1);
  }

  @Test
  void updatesFromTheQueueTakeTheSamePathAndRefusalsAreSetAsideWithTheReason() {
    String taskId = referralTask();
    JsonNode task = read(taskId);

    Broker.send(brokerUrl(), Broker.COORDINATOR_USER, Broker.COORDINATOR_PASSWORD, "aftercare.task-updates", with(task, "accepted"));
    Eventually.await(() -> read(taskId).at("/status").asText().equals("accepted"), "the queued update");

    Broker.send(brokerUrl(), Broker.COORDINATOR_USER, Broker.COORDINATOR_PASSWORD, "aftercare.task-updates", with(task, "completed"));
    Broker.send(brokerUrl(), Broker.COORDINATOR_USER, Broker.COORDINATOR_PASSWORD, "aftercare.task-updates", "{\"resourceType\":\"Task\",");
    List<Message> deadLetters = Broker.receiveAll(brokerUrl(), Broker.SERVICE_USER, Broker.SERVICE_PASSWORD, "DLQ.aftercare.task-updates", null, 10000);
    assertThat(deadLetters).hasSize(2);
    assertThat(deadLetters).extracting(m -> Broker.property(m, "reason"))
        .anySatisfy(reason -> assertThat(reason).contains("version"))
        .anySatisfy(reason -> assertThat(reason).isNotBlank());
    assertThat(read(taskId).at("/status").asText()).isEqualTo("accepted");
  }


  private JsonNode read(String taskId) {
    HttpResponse<String> response = service().get("/fhir/Task/" + taskId, service().coordinatorToken(), FHIR_JSON);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return ServiceClient.json(response.body());
  }

  /** Declines the Task as group full; answers the Task that took over. */
  private String decline(String taskId) {
    ObjectNode declined = (ObjectNode) read(taskId).deepCopy();
    declined.put("status", "rejected");
    declined.set("statusReason", ServiceClient.json(
        "{\"coding\":[{\"system\":\"https://aftercarebridge.org/fhir/CodeSystem/referral-decline-reasons\",\"code\":\"group-full\"}],"
            + "\"text\":\"No room for newcomers this month\"}"));
    HttpResponse<String> response = service().put("/fhir/Task/" + taskId, service().coordinatorToken(), FHIR_JSON, declined.toString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    String referral = jdbc.sql("select referral_id from referral_task where id = ?").param(taskId).query(String.class).single();
    return jdbc.sql("select id from referral_task where referral_id = ? and attempt = (select max(attempt) from referral_task where referral_id = ?)")
        .param(referral).param(referral).query(String.class).single();
  }

  private static String with(JsonNode task, String status) {
    ObjectNode changed = (ObjectNode) task.deepCopy();
    changed.put("status", status);
    return changed.toString();
  }

  private static JsonNode idChanged(JsonNode task, String id) {
    ObjectNode changed = (ObjectNode) task.deepCopy();
    changed.put("id", id);
    return changed;
  }


}
