package org.aftercarebridge;

import static org.aftercarebridge.support.Fixtures.asJson;
import static org.aftercarebridge.support.Fixtures.freshDischarge;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.aftercarebridge.support.Broker;
import org.aftercarebridge.support.Outbox;
import org.aftercarebridge.support.ServiceClient;
import org.aftercarebridge.support.ServiceUnderTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Embedded mode keeps what it accepted: after a restart the referral is there and its message still waits. */
class RestartIT {

  private final Path dataDir = ServiceUnderTest.temporaryDataDirectory();
  private final int brokerPort = Broker.freePort();

  @Test
  void referralsAndUnconsumedMessagesSurviveARestart() {
    String taskId;
    try (ConfigurableApplicationContext first = start(true)) {
      ServiceClient service = client(first);
      HttpResponse<String> response =
          service.postMessage(service.clinicToken(), ServiceClient.FHIR_JSON, asJson(freshDischarge()));
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      taskId = ServiceClient.taskIdIn(response.body());
      Outbox.awaitPublished(first.getBean(JdbcClient.class), taskId);
    }

    try (ConfigurableApplicationContext second = start(false)) {
      ServiceClient service = client(second);
      HttpResponse<String> task = service.get("/fhir/Task/" + taskId, service.coordinatorToken(), ServiceClient.FHIR_JSON);
      assertThat(task.statusCode()).isEqualTo(200);
      assertThat(
              Broker.receiveAll(
                  "tcp://localhost:" + brokerPort,
                  Broker.COORDINATOR_USER,
                  Broker.COORDINATOR_PASSWORD,
                  "aftercare.referrals",
                  "taskId = '" + taskId + "'",
                  5000))
          .hasSize(1);
    }
  }

  private ConfigurableApplicationContext start(boolean freshDatabase) {
    SpringApplicationBuilder builder =
        freshDatabase
            ? new SpringApplicationBuilder(AftercareBridgeApplication.class, ServiceUnderTest.CleanDatabase.class)
            : new SpringApplicationBuilder(AftercareBridgeApplication.class);
    return builder.run(
        "--server.port=0",
        "--aftercare.mllp.port=" + org.aftercarebridge.support.Broker.freePort(),
        "--aftercare.data-dir=" + dataDir,
        "--aftercare.broker.embedded.acceptor=tcp://localhost:" + brokerPort + "?protocols=CORE,AMQP",
        "--spring.artemis.broker-url=tcp://localhost:" + brokerPort);
  }

  private static ServiceClient client(ConfigurableApplicationContext context) {
    return new ServiceClient(((ServletWebServerApplicationContext) context).getWebServer().getPort());
  }

}
