package org.aftercarebridge.intake;

import static org.aftercarebridge.support.Fixtures.asJson;
import static org.aftercarebridge.support.Fixtures.freshDischarge;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.aftercarebridge.support.DatabaseSwitch;
import org.aftercarebridge.support.Hl7v2Messages;
import org.aftercarebridge.support.MllpClient;
import org.aftercarebridge.support.Outbox;
import org.aftercarebridge.support.ServiceClient;
import org.aftercarebridge.support.ServiceUnderTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * With the database down nothing can be kept, so nothing is acknowledged: FHIR intake answers 503
 * with an OperationOutcome, v2 intake AE asking to send again. When the database is back the
 * service takes the very same messages without a restart, and each becomes one referral.
 */
class DatabaseOutageIT extends ServiceUnderTest {

  @AfterEach
  void databaseBack() {
    DatabaseSwitch.bringBack();
  }

  @Test
  void fhirIntakeAnswers503WhileTheDatabaseIsDownAndRecovers() {
    String token = service().clinicToken();
    String message = asJson(freshDischarge());

    DatabaseSwitch.takeDown();
    HttpResponse<String> refused = service().postMessage(token, FHIR_JSON, message);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
    assertThat(refused.body()).contains("OperationOutcome").contains("retry later");
    HttpResponse<String> notReady = service().get("/actuator/health/readiness", null, "application/json");
    assertThat(notReady.statusCode()).as("no longer ready: " + notReady.body()).isEqualTo(503);
    assertThat(ServiceClient.json(notReady.body()).at("/components/db/status").asText()).isEqualTo("DOWN");
    assertThat(service().get("/actuator/health/liveness", null, "application/json").statusCode()).as("but alive").isEqualTo(200);

    DatabaseSwitch.bringBack();
    assertThat(service().get("/actuator/health/readiness", null, "application/json").statusCode()).isEqualTo(200);
    HttpResponse<String> accepted = service().postMessage(token, FHIR_JSON, message);
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
    String taskId = ServiceClient.taskIdIn(accepted.body());
    Outbox.awaitPublished(jdbc, taskId);
    assertThat(receiveAll("aftercare.referrals", "taskId = '" + taskId + "'", 3000)).hasSize(1);
  }

  @Test
  void v2IntakeAnswersAeWhileTheDatabaseIsDownAndRecovers() {
    String controlId = "OUT-" + UUID.randomUUID().toString().substring(0, 8);
    String message = Hl7v2Messages.withControlId("adt-a03-v2.5.1.hl7", controlId);

    DatabaseSwitch.takeDown();
    String refused = MllpClient.send(MLLP_PORT, message);
    assertThat(refused).contains("MSA|AE|" + controlId).contains("send it again");

    DatabaseSwitch.bringBack();
    assertThat(MllpClient.send(MLLP_PORT, message)).contains("MSA|AA|" + controlId);
    assertThat(jdbc.sql("select count(*) from referral_held where message like ?")
        .param("%\"" + controlId + "\"%").query(Integer.class).single()).isEqualTo(1);
  }
}
