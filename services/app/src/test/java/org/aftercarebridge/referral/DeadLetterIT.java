package org.aftercarebridge.referral;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.aftercarebridge.deadletter.DeadLetters;
import org.aftercarebridge.support.Broker;
import org.aftercarebridge.support.Eventually;
import org.aftercarebridge.support.ServiceClient;
import org.aftercarebridge.support.ServiceUnderTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Dead letters through the admin API: listed with their reason and without their content, opened,
 * sent back where they came from (and processed there), discarded, and purged after the retention
 * period. Only the admin role reaches them.
 */
class DeadLetterIT extends ServiceUnderTest {

  private static final String CLINIC_DEAD_LETTERS = "DLQ.aftercare.clinic-updates";
  private static final String TASK_UPDATE_DEAD_LETTERS = "DLQ.aftercare.task-updates";

  @Autowired DeadLetters deadLetters;

  @AfterEach
  void clinicUp() {
    CLINIC.down(false);
  }

  @Test
  void aClinicUpdateGivenUpIsListedOpenedAndDeliveredWhenSentBack() {
    String taskId = referralTask();
    CLINIC.down(true);
    acceptAsCoordinator(taskId);
    JsonNode letter = awaitLetter(CLINIC_DEAD_LETTERS, taskId);
    assertThat(letter.get("reason").asText()).isEqualTo("gave up after 3 attempts: HTTP 503");
    assertThat(letter.get("origin").asText()).isEqualTo("aftercare.clinic-updates");
    assertThat(letter.has("body")).as("the list shows no content").isFalse();
    String path = "/api/dead-letters/" + CLINIC_DEAD_LETTERS + "/" + letter.get("id").asText();

    HttpResponse<String> opened = service().get(path, service().adminToken(), "application/json");
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
    JsonNode content = ServiceClient.json(ServiceClient.json(opened.body()).get("body").asText());
    assertThat(content.get("status").asText()).isEqualTo("accepted");

    CLINIC.down(false);
    HttpResponse<String> sentBack = service().post(path + "/reprocess", service().adminToken(), "application/json", "");
    assertThat(sentBack.statusCode()).as(sentBack.body()).isEqualTo(200);
    Eventually.await(() -> !CLINIC.received(taskId).isEmpty(), "the update delivered after it was sent back");
    assertThat(lettersFor(CLINIC_DEAD_LETTERS, taskId)).isZero();
    assertThat(service().post(path + "/reprocess", service().adminToken(), "application/json", "").statusCode()).isEqualTo(404);
  }

  @Test
  void aRefusedTaskUpdateIsDiscarded() {
    String marker = queueRefusedUpdate();
    JsonNode letter = awaitLetter(TASK_UPDATE_DEAD_LETTERS, marker);
    assertThat(letter.get("reason").asText()).contains("Task");
    String path = "/api/dead-letters/" + TASK_UPDATE_DEAD_LETTERS + "/" + letter.get("id").asText();

    assertThat(service().delete(path, service().adminToken()).statusCode()).isEqualTo(200);
    assertThat(lettersFor(TASK_UPDATE_DEAD_LETTERS, marker)).isZero();
    assertThat(service().delete(path, service().adminToken()).statusCode()).isEqualTo(404);
  }

  @Test
  void lettersOlderThanTheRetentionPeriodArePurged() {
    String marker = queueRefusedUpdate();
    awaitLetter(TASK_UPDATE_DEAD_LETTERS, marker);

    deadLetters.purgeOlderThan(Instant.now().minus(Duration.ofDays(30)));
    assertThat(lettersFor(TASK_UPDATE_DEAD_LETTERS, marker)).as("younger than the retention period: kept").isEqualTo(1);

    assertThat(deadLetters.purgeOlderThan(Instant.now().plusSeconds(1))).isPositive();
    assertThat(lettersFor(TASK_UPDATE_DEAD_LETTERS, marker)).isZero();
  }

  @Test
  void onlyAdminsReachDeadLettersAndOnlyTheServicesQueues() {
    assertThat(service().get("/api/dead-letters", service().coordinatorToken(), "application/json").statusCode()).isEqualTo(403);
    assertThat(service().get("/api/dead-letters", service().clinicToken(), "application/json").statusCode()).isEqualTo(403);
    assertThat(service().get("/api/dead-letters", null, "application/json").statusCode()).isEqualTo(401);
    HttpResponse<String> otherQueue = service().get("/api/dead-letters?queue=DLQ.someone-elses", service().adminToken(), "application/json");
    assertThat(otherQueue.statusCode()).as(otherQueue.body()).isEqualTo(400);
    HttpResponse<String> hostileId = service().get(
        "/api/dead-letters/" + TASK_UPDATE_DEAD_LETTERS + "/x'%20OR%20'1'='1", service().adminToken(), "application/json");
    assertThat(hostileId.statusCode()).as(hostileId.body()).isEqualTo(400);
  }

  /** A queued Task update for a Task that does not exist: refused into the dead letters; its id is the marker. */
  private static String queueRefusedUpdate() {
    String taskId = UUID.randomUUID().toString();
    Broker.send(brokerUrl(), Broker.COORDINATOR_USER, Broker.COORDINATOR_PASSWORD, "aftercare.task-updates",
        "{\"resourceType\":\"Task\",\"id\":\"" + taskId + "\",\"status\":\"accepted\",\"intent\":\"order\"}");
    return taskId;
  }

  private JsonNode awaitLetter(String queue, String marker) {
    Eventually.await(() -> lettersFor(queue, marker) == 1, "a dead letter in " + queue);
    return letters(queue).filter(letter -> matches(letter, marker)).findFirst().orElseThrow();
  }

  private long lettersFor(String queue, String marker) {
    return letters(queue).filter(letter -> matches(letter, marker)).count();
  }

  private static boolean matches(JsonNode letter, String marker) {
    return marker.equals(letter.path("taskId").asText()) || letter.path("reason").asText().contains(marker);
  }

  private java.util.stream.Stream<JsonNode> letters(String queue) {
    HttpResponse<String> list = service().get("/api/dead-letters?queue=" + queue, service().adminToken(), "application/json");
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    return StreamSupport.stream(ServiceClient.json(list.body()).spliterator(), false);
  }


}
