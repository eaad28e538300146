package org.aftercarebridge.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * What a coordinator system sees: consumes referral announcements from the queue over the network
 * (CORE protocol) as the coordinator broker user, and prints each one.
 */
final class ReferralConsumer {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ReferralConsumer() {}

  static void run(Options options) throws Exception {
    String queue = options.get("queue", "aftercare.referrals");
    long waitMillis = options.getInt("wait-seconds", 5) * 1000L;
    try (ActiveMQConnectionFactory factory =
            new ActiveMQConnectionFactory(
                options.get("broker", "tcp://localhost:61616"),
                options.get("user", "coordinator-dev"),
                options.get("password", "dev-only-coordinator-broker-secret"));
        Connection connection = factory.createConnection()) {
      connection.start();
      Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
      MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
      int count = 0;
      for (Message message = consumer.receive(waitMillis); message != null; message = consumer.receive(waitMillis)) {
        count++;
        print(message, options.flag("full"));
      }
      System.out.printf("%d referral message(s) received from %s%n", count, queue);
    }
  }

  private static void print(Message message, boolean full) throws Exception {
    String body = ((TextMessage) message).getText();
    JsonNode bundle = JSON.readTree(body);
    String group = "(none matched: a coordinator chooses)";
    for (JsonNode entry : bundle.path("entry")) {
      if ("HealthcareService".equals(entry.path("resource").path("resourceType").asText())) {
        group = entry.path("resource").path("name").asText();
        break;
      }
    }
    System.out.printf(
        "referral taskId=%s region=%s priority=%s JMSXGroupID=%s persistent=%s%n  best group: %s%n",
        message.getStringProperty("taskId"),
        message.getStringProperty("region"),
        message.getStringProperty("priority"),
        message.getStringProperty("JMSXGroupID"),
        message.getJMSDeliveryMode() == jakarta.jms.DeliveryMode.PERSISTENT,
        group);
    if (full) {
      System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(bundle));
    }
  }
}
