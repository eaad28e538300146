package org.aftercarebridge.referral;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.Message;
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
    String taskId = referralTask();
    acceptAsCoordinator(taskId);

    Eventually.await(() -> CLINIC.received(taskId).stream().anyMatch(r -> r.body().contains("\"status\":\"accepted\"")), "the accepted Task at the clinic");
    JsonNode received = ServiceClient.json(CLINIC.received(taskId).get(0).body());
    assertThat(received.at("/resourceType").asText()).isEqualTo("Task");
    assertThat(received.at("/businessStatus/coding/0/code").asText()).isEqualTo("3.0");
  }

  @Test
  void aClinicThatFailsAFewTimesGetsTheUpdateOnARetry() {
    String taskId = referralTask();
    CLINIC.failNext(2);
    acceptAsCoordinator(taskId);

    Eventually.await(() -> !CLINIC.received(taskId).isEmpty(), "the update after two failures");
    // the clinic answers before the service notes the delivery
    Eventually.await(() -> jdbc.sql("select count(*) from clinic_update where task_id = ? and delivered_at is not null").param(taskId)
        .query(Integer.class).single() == 1, "the delivery noted");
    assertThat(jdbc.sql("select attempts from clinic_update where task_id = ? and delivered_at is not null").param(taskId)
        .query(Integer.class).single()).isEqualTo(3);
  }

  @Test
  void aClinicThatStaysDownHasTheUpdateDeadLetteredWithTheReason() {
    String taskId = referralTask();
    CLINIC.down(true);
    acceptAsCoordinator(taskId);

    List<Message> dead = Broker.receiveAll(brokerUrl(), Broker.SERVICE_USER, Broker.SERVICE_PASSWORD,
        "DLQ.aftercare.clinic-updates", "taskId = '" + taskId + "'", 15000);
    assertThat(dead).hasSize(1);
    assertThat(Broker.property(dead.get(0), "reason")).isEqualTo("gave up after 3 attempts: HTTP 503");
    assertThat(Broker.property(dead.get(0), "client")).isEqualTo("clinic-ehr");
    assertThat(ServiceClient.json(Broker.text(dead.get(0))).at("/status").asText()).isEqualTo("accepted");
    assertThat(CLINIC.received(taskId)).isEmpty();
  }





}
