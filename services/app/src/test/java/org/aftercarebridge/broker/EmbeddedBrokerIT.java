package org.aftercarebridge.broker;

import static org.aftercarebridge.support.Fixtures.asJson;
import static org.aftercarebridge.support.Fixtures.freshDischarge;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import java.util.List;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.net.http.HttpResponse;
import org.aftercarebridge.support.Broker;
import org.aftercarebridge.support.ServiceClient;
import org.aftercarebridge.support.ServiceUnderTest;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.Test;

/** The embedded broker serves AMQP as well as CORE on its network port, to authenticated users only. */
class EmbeddedBrokerIT extends ServiceUnderTest {

  private static String amqpUrl() {
    return brokerUrl().replace("tcp://", "amqp://");
  }

  @Test
  void aCoordinatorReceivesReferralsOverAmqp() throws Exception {
    HttpResponse<String> response =
        service().postMessage(service().clinicToken(), FHIR_JSON, asJson(freshDischarge()));
    String taskId = ServiceClient.taskIdIn(response.body());

    JmsConnectionFactory amqp = new JmsConnectionFactory(Broker.COORDINATOR_USER, Broker.COORDINATOR_PASSWORD, amqpUrl());
    try (Connection connection = amqp.createConnection()) {
      connection.start();
      Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
      Message message =
          session
              .createConsumer(session.createQueue("aftercare.referrals"), "taskId = '" + taskId + "'")
              .receive(10_000);
      assertThat(message).isNotNull();
      assertThat(((TextMessage) message).getText()).contains("\"resourceType\":\"Bundle\"");
    }
  }

  @Test
  void wrongCredentialsAreRefused() {
    assertThatThrownBy(() -> {
          try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(brokerUrl(), Broker.COORDINATOR_USER, "wrong");
              Connection connection = factory.createConnection()) {
            connection.start();
          }
        })
        .isInstanceOf(JMSSecurityException.class);
    assertThatThrownBy(() -> {
          try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(brokerUrl());
              Connection connection = factory.createConnection()) {
            connection.start();
          }
        })
        .isInstanceOf(JMSSecurityException.class);
  }



  /**
   * Every queue × consume and send for a coordinator: they read referrals (the main queue and their
   * team's), follow-ups and escalations and write Task updates, nothing else; the service's own queue
   * and the dead letters are closed to them.
   */
  @Test
  void coordinatorsReachExactlyTheirQueues() throws JMSException {
    record Access(String queue, boolean consume, boolean send) {}
    List<Access> matrix = List.of(
        new Access("aftercare.referrals", true, false),
        new Access("aftercare.referrals.US-VT", true, false),
        new Access("aftercare.followups", true, false),
        new Access("aftercare.escalations", true, false),
        new Access("aftercare.task-updates", false, true),
        new Access("aftercare.clinic-updates", false, false),
        new Access("DLQ.aftercare.referrals", false, false),
        new Access("DLQ.aftercare.task-updates", false, false));
    // no prefetch: opening a consumer takes no message away from the tests that wait for them
    try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(
            brokerUrl() + "?consumerWindowSize=0", Broker.COORDINATOR_USER, Broker.COORDINATOR_PASSWORD);
        Connection connection = factory.createConnection()) {
      Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
      List<String> wrong = new java.util.ArrayList<>();
      for (Access access : matrix) {
        if (allowed(() -> session.createConsumer(session.createQueue(access.queue())).close()) != access.consume()) {
          wrong.add("consume " + access.queue());
        }
        if (allowed(() -> session.createProducer(session.createQueue(access.queue()))
            .send(session.createTextMessage("{\"resourceType\":\"Task\"}"))) != access.send()) {
          wrong.add("send " + access.queue());
        }
      }
      assertThat(wrong).as("coordinator permissions that do not fit the matrix").isEmpty();
    }
  }

  private interface BrokerCall {
    void run() throws JMSException;
  }

  private static boolean allowed(BrokerCall call) throws JMSException {
    try {
      call.run();
      return true;
    } catch (JMSSecurityException refused) {
      return false;
    }
  }
}
