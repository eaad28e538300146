package org.aftercarebridge.observability;

import static org.aftercarebridge.support.Fixtures.asJson;
import static org.aftercarebridge.support.Fixtures.freshDischarge;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import jakarta.jms.Message;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.aftercarebridge.support.Hl7v2Messages;
import org.aftercarebridge.support.MllpClient;
import org.aftercarebridge.support.Outbox;
import org.aftercarebridge.support.ServiceClient;
import org.aftercarebridge.support.ServiceUnderTest;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** One correlation id from intake to queue: in the answer, every log line of the work, the audit and the queue message. */
class CorrelationIdIT extends ServiceUnderTest {

  @Test
  void theCallersRequestIdFollowsADischargeToTheQueue() throws Exception {
    String requestId = "req-" + UUID.randomUUID();
    List<ILoggingEvent> log = logged(() -> {
      HttpResponse<String> response = post(requestId);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      assertThat(response.headers().firstValue("X-Request-Id")).hasValue(requestId);
      String taskId = ServiceClient.taskIdIn(response.body());
      Outbox.awaitPublished(jdbc, taskId);
      List<Message> announced = receiveAll("aftercare.referrals", "taskId = '" + taskId + "'", 5000);
      assertThat(announced).hasSize(1);
      assertThat(announced.get(0).getStringProperty("correlationId")).isEqualTo(requestId);
    });

    assertThat(messagesUnder(log, requestId))
        .anyMatch(line -> line.startsWith("Discharge message answered: source=fhir outcome=referred"))
        .anyMatch(line -> line.matches("Task/\\S+ announced on aftercare\\.referrals"));
    assertThat(jdbc.sql("select count(*) from audit_event where content like ?").param("%" + requestId + "%").query(Integer.class).single())
        .as("the disclosure audited under it").isGreaterThanOrEqualTo(1);
  }

  @Test
  void aRequestIdThatIsNotAPlainTokenIsReplaced() throws Exception {
    HttpResponse<String> response = post("<script>alert(1)</script> and spaces");
    String given = response.headers().firstValue("X-Request-Id").orElseThrow();
    assertThat(given).matches("[0-9a-f-]{36}");
  }

  @Test
  void aV2MessageGetsItsOwnIdCarriedToTheQueue() throws Exception {
    String controlId = "CORR-" + UUID.randomUUID().toString().substring(0, 8);
    List<ILoggingEvent> log = logged(() -> assertThat(MllpClient.send(MLLP_PORT, Hl7v2Messages.withControlId("adt-a03-v2.5.1.hl7", controlId)))
        .contains("MSA|AA|"));
    List<String> ids = log.stream()
        .filter(event -> event.getFormattedMessage().startsWith("Discharge message answered: source=hl7v2"))
        .map(event -> event.getMDCPropertyMap().get("correlationId"))
        .toList();
    assertThat(ids).hasSize(1).allMatch(id -> id != null && id.matches("[0-9a-f-]{36}"));
  }

  private HttpResponse<String> post(String requestId) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fhir/$process-message"))
            .header("Authorization", "Bearer " + service().clinicToken())
            .header("Content-Type", FHIR_JSON)
            .header("X-Request-Id", requestId)
            .POST(HttpRequest.BodyPublishers.ofString(asJson(freshDischarge())))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static List<String> messagesUnder(List<ILoggingEvent> log, String id) {
    return log.stream().filter(event -> id.equals(event.getMDCPropertyMap().get("correlationId"))).map(ILoggingEvent::getFormattedMessage).toList();
  }

  private interface Work {
    void run() throws Exception;
  }

  private static List<ILoggingEvent> logged(Work work) throws Exception {
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.addAppender(log);
    try {
      work.run();
    } finally {
      root.detachAppender(log);
    }
    return List.copyOf(log.list);
  }
}
