package org.aftercarebridge.broker;

import static org.aftercarebridge.support.Fixtures.asJson;
import static org.aftercarebridge.support.Fixtures.freshDischarge;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
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

  @Test
  void aCoordinatorCannotPublishReferrals() throws JMSException {
    try (ActiveMQConnectionFactory factory =
            new ActiveMQConnectionFactory(brokerUrl(), Broker.COORDINATOR_USER, Broker.COORDINATOR_PASSWORD);
        Connection connection = factory.createConnection()) {
      Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
      assertThatThrownBy(
              () -> session.createProducer(session.createQueue("aftercare.referrals")).send(session.createTextMessage("forged")))
          .isInstanceOf(JMSSecurityException.class);
    }
  }

  @Test
  void coordinatorsCannotReachTheServicesOwnQueuesOrTheDeadLetters() throws JMSException {
    try (ActiveMQConnectionFactory factory =
            new ActiveMQConnectionFactory(brokerUrl(), Broker.COORDINATOR_USER, Broker.COORDINATOR_PASSWORD);
        Connection connection = factory.createConnection()) {
      Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
      for (String queue : java.util.List.of("aftercare.clinic-updates", "DLQ.aftercare.task-updates")) {
        assertThatThrownBy(() -> session.createConsumer(session.createQueue(queue))).as(queue).isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> session.createProducer(session.createQueue(queue)).send(session.createTextMessage("forged")))
            .as(queue).isInstanceOf(JMSSecurityException.class);
      }
    }
  }
}
