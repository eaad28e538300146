package org.aftercarebridge.referral;

import static org.aftercarebridge.support.Fixtures.asJson;
import static org.aftercarebridge.support.Fixtures.freshDischarge;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.aftercarebridge.support.Outbox;
import org.aftercarebridge.support.ServiceClient;
import org.aftercarebridge.support.ServiceUnderTest;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;

/**
 * With the broker down, a discharge is still accepted: it is safe in the database, and its
 * announcement goes out when the broker is back. Nothing acknowledged is lost.
 */
@DirtiesContext
class BrokerOutageIT extends ServiceUnderTest {

  @Autowired EmbeddedActiveMQ broker;

  @Test
  void referralsAcceptedWhileTheBrokerIsDownArePublishedWhenItReturns() throws Exception {
    String token = service().clinicToken();
    broker.stop();
    String taskId;
    try {
      HttpResponse<String> response = service().postMessage(token, FHIR_JSON, asJson(freshDischarge()));
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      taskId = ServiceClient.taskIdIn(response.body());
      assertThat(
              jdbc.sql("select count(*) from referral_outbox where task_id = ? and published_at is null")
                  .param(taskId)
                  .query(Integer.class)
                  .single())
          .isEqualTo(1);
      // still ready (the outbox keeps what comes in), and saying why the broker is not UP
      HttpResponse<String> readiness = service().get("/actuator/health/readiness", null, "application/json");
      assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
      assertThat(ServiceClient.json(readiness.body()).at("/components/broker/status").asText()).isEqualTo("DEGRADED");
      assertThat(ServiceClient.json(readiness.body()).at("/status").asText()).isEqualTo("DEGRADED");
    } finally {
      broker.start();
    }

    Outbox.awaitPublished(jdbc, taskId);
    assertThat(ServiceClient.json(service().get("/actuator/health/readiness", null, "application/json").body()).at("/status").asText())
        .isEqualTo("UP");
    assertThat(receiveAll("aftercare.referrals", "taskId = '" + taskId + "'", 5000)).hasSize(1);
  }
}
