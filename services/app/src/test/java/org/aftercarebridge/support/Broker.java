package org.aftercarebridge.support;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/** A real Artemis client on the network port, and free ports for brokers under test. */
public final class Broker {

  public static final String COORDINATOR_USER = "coordinator-dev";
  public static final String COORDINATOR_PASSWORD = "dev-only-coordinator-broker-secret";
  /** The service's own broker user: the only one that may read dead letters. */
  public static final String SERVICE_USER = "aftercare-service";
  public static final String SERVICE_PASSWORD = "dev-only-broker-service-secret";

  private Broker() {}

  /** Receives every message matching the selector, waiting up to {@code waitMillis} for each next one. */
  public static List<Message> receiveAll(
      String url, String user, String password, String queue, String selector, long waitMillis) {
    try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url, user, password);
        Connection connection = factory.createConnection()) {
      connection.start();
      Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
      MessageConsumer consumer = session.createConsumer(session.createQueue(queue), selector);
      List<Message> messages = new ArrayList<>();
      for (Message message = consumer.receive(waitMillis); message != null; message = consumer.receive(waitMillis)) {
        messages.add(message);
      }
      return messages;
    } catch (JMSException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sends a persistent text message. */
  public static void send(String url, String user, String password, String queue, String text) {
    try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url, user, password);
        Connection connection = factory.createConnection()) {
      Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
      session.createProducer(session.createQueue(queue)).send(session.createTextMessage(text));
    } catch (JMSException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String text(Message message) {
    try {
      return ((jakarta.jms.TextMessage) message).getText();
    } catch (JMSException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String property(Message message, String name) {
    try {
      return message.getStringProperty(name);
    } catch (JMSException e) {
      throw new IllegalStateException(e);
    }
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
