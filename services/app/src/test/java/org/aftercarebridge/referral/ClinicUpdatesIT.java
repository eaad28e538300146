package org.aftercarebridge.referral;

import static org.aftercarebridge.support.Fixtures.asJson;
import static org.aftercarebridge.support.Fixtures.freshDischarge;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.jms.Message;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.aftercarebridge.support.Broker;
import org.aftercarebridge.support.Eventually;
import org.aftercarebridge.support.Outbox;
import org.aftercarebridge.support.ServiceClient;
import org.aftercarebridge.support.ServiceUnderTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Status back to the clinic: the referring system's FHIR endpoint receives each change of its
 * referral's Task as a PUT of the Task, also after it failed a few times; when it stays down the
 * update is given up after the last attempt and kept, with the reason, in the dead letters.
 */
class ClinicUpdatesIT extends ServiceUnderTest {

  @AfterEach
  void clinicUpAndQueueDrained() {
    CLINIC.down(false);
    CLINIC.failNext(0);
    Outbox.awaitAllPublished(jdbc);
    receiveAll("aftercare.referrals", null, 500);
  }

  @Test
  void theClinicReceivesEveryChangeOfItsReferral() {
    String taskId = refer();
    accept(taskId);

    Eventually.await(() -> CLINIC.received(taskId).stream().anyMatch(r -> r.body().contains("\"status\":\"accepted\"")), "the accepted Task at the clinic");
    JsonNode received = ServiceClient.json(CLINIC.received(taskId).get(0).body());
    assertThat(received.at("/resourceType").asText()).isEqualTo("Task");
    assertThat(received.at("/businessStatus/coding/0/code").asText()).isEqualTo("3.0");
  }

  @Test
  void aClinicThatFailsAFewTimesGetsTheUpdateOnARetry() {
    String taskId = refer();
    CLINIC.failNext(2);
    accept(taskId);

    Eventually.await(() -> !CLINIC.received(taskId).isEmpty(), "the update after two failures");
    // the clinic answers before the service notes the delivery
    Eventually.await(() -> jdbc.sql("select count(*) from clinic_update where task_id = ? and delivered_at is not null").param(taskId)
        .query(Integer.class).single() == 1, "the delivery noted");
    assertThat(jdbc.sql("select attempts from clinic_update where task_id = ? and delivered_at is not null").param(taskId)
        .query(Integer.class).single()).isEqualTo(3);
  }

  @Test
  void aClinicThatStaysDownHasTheUpdateDeadLetteredWithTheReason() {
    String taskId = refer();
    CLINIC.down(true);
    accept(taskId);

    List<Message> dead = Broker.receiveAll(brokerUrl(), Broker.SERVICE_USER, Broker.SERVICE_PASSWORD,
        "DLQ.aftercare.clinic-updates", "taskId = '" + taskId + "'", 15000);
    assertThat(dead).hasSize(1);
    assertThat(Broker.property(dead.get(0), "reason")).isEqualTo("gave up after 3 attempts: HTTP 503");
    assertThat(Broker.property(dead.get(0), "client")).isEqualTo("clinic-ehr");
    assertThat(ServiceClient.json(Broker.text(dead.get(0))).at("/status").asText()).isEqualTo("accepted");
    assertThat(CLINIC.received(taskId)).isEmpty();
  }

  private String refer() {
    HttpResponse<String> response = service().postMessage(service().clinicToken(), FHIR_JSON, asJson(freshDischarge()));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return ServiceClient.taskIdIn(response.body());
  }

  private void accept(String taskId) {
    ObjectNode task = (ObjectNode) ServiceClient.json(service().get("/fhir/Task/" + taskId, service().coordinatorToken(), FHIR_JSON).body());
    task.put("status", "accepted");
    HttpResponse<String> accepted = service().put("/fhir/Task/" + taskId, service().coordinatorToken(), FHIR_JSON, task.toString());
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
  }



}
