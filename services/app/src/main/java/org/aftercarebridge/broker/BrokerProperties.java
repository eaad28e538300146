package org.aftercarebridge.broker;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code aftercare.broker.*}: the Artemis addresses of the product and, in embedded mode, the broker
 * the service runs itself.
 *
 * @param queues the product's queues (created in the embedded broker; expected on an external one)
 * @param maxDeliveryAttempts deliveries of one message before it goes to {@code DLQ.<queue>}
 */
@ConfigurationProperties("aftercare.broker")
public record BrokerProperties(
    @DefaultValue({"aftercare.referrals", "aftercare.followups", "aftercare.escalations", "aftercare.task-updates"}) List<String> queues,
    @DefaultValue("5") int maxDeliveryAttempts,
    @DefaultValue Embedded embedded) {

  /**
   * @param enabled run the broker in this process (embedded mode); false in production
   * @param dataDirectory journal, bindings, paging and large messages live here (persistent)
   * @param acceptor where network clients connect: CORE and AMQP on one port
   * @param users broker users and their roles ({@code service}, {@code coordinator})
   */
  public record Embedded(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("./data/broker") Path dataDirectory,
      @DefaultValue("tcp://localhost:61616?protocols=CORE,AMQP") String acceptor,
      List<User> users) {

    public Embedded {
      users = users == null ? List.of() : List.copyOf(users);
    }
  }

  public record User(String name, String password, List<String> roles) {}
}
