package org.aftercarebridge.intake;

import static org.aftercarebridge.support.Fixtures.asJson;
import static org.aftercarebridge.support.Fixtures.freshDischarge;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.aftercarebridge.support.Broker;
import org.aftercarebridge.support.Hl7v2Messages;
import org.aftercarebridge.support.MllpClient;
import org.aftercarebridge.support.ServiceClient;
import org.aftercarebridge.support.ServiceUnderTest;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two replicas on one database: copies of a message sent to both at once, as a sender retrying
 * through a load balancer does, make one referral. The duplicate check is the referral's own
 * unique key (sender + message id), inserted in the referral's transaction: a replica that dies
 * mid-way leaves no lock behind (CrashIT sends such events again and they go through).
 */
class IdempotencyAcrossReplicasIT extends ServiceUnderTest {

  private static final int OTHER_MLLP_PORT = Broker.freePort();
  private static ConfigurableApplicationContext other;
  private static ServiceClient otherService;

  @BeforeAll
  static void startASecondReplica() {
    other = anotherInstance("--aftercare.mllp.port=" + OTHER_MLLP_PORT);
    otherService = new ServiceClient(((ServletWebServerApplicationContext) other).getWebServer().getPort());
  }

  @AfterAll
  static void stopIt() {
    other.close();
  }

  @Test
  void fhirCopiesRacingOnTwoReplicasMakeOneReferral() throws Exception {
    Bundle message = freshDischarge();
    String body = asJson(message);
    // each embedded-mode replica issues its own tokens (production replicas share an external issuer)
    String token = service().clinicToken();
    String otherToken = otherService.clinicToken();
    ExecutorService senders = Executors.newFixedThreadPool(8);
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      boolean first = i % 2 == 0;
      answers.add(senders.submit(() -> first ? service().postMessage(token, FHIR_JSON, body) : otherService.postMessage(otherToken, FHIR_JSON, body)));
    }
    Set<String> taskIds = new HashSet<>();
    for (Future<HttpResponse<String>> answer : answers) {
      HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      taskIds.add(ServiceClient.taskIdIn(response.body()));
    }
    senders.shutdown();

    assertThat(taskIds).hasSize(1);
    assertThat(jdbc.sql("select count(*) from referral where source_bundle_id = ?").param(message.getIdPart())
        .query(Integer.class).single()).isEqualTo(1);
  }

  @Test
  void v2CopiesRacingOnTwoReplicasMakeOneReferral() throws Exception {
    String controlId = "RACE-" + UUID.randomUUID().toString().substring(0, 8);
    String message = Hl7v2Messages.withControlId("adt-a03-v2.5.1.hl7", controlId);
    ExecutorService senders = Executors.newFixedThreadPool(6);
    List<Future<String>> acks = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      int port = i % 2 == 0 ? MLLP_PORT : OTHER_MLLP_PORT;
      acks.add(senders.submit(() -> MllpClient.send(port, message)));
    }
    for (Future<String> ack : acks) {
      assertThat(ack.get(60, TimeUnit.SECONDS)).contains("MSA|AA|" + controlId);
    }
    senders.shutdown();

    assertThat(jdbc.sql("select count(*) from referral_held where message like ?").param("%\"" + controlId + "\"%")
        .query(Integer.class).single()).isEqualTo(1);
  }
}
