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
 * @param deadLetterRetention how long a dead letter is kept for an operator to look at before it is purged
 * @param referralRoutes regional (or regional and program) queues referrals are diverted to from
 *     {@code aftercare.referrals}; a referral no route takes stays on {@code aftercare.referrals}
 */
@ConfigurationProperties("aftercare.broker")
public record BrokerProperties(
    @DefaultValue({"aftercare.referrals", "aftercare.followups", "aftercare.escalations", "aftercare.task-updates", "aftercare.clinic-updates"})
        List<String> queues,
    @DefaultValue("5") int maxDeliveryAttempts,
    @DefaultValue("30d") java.time.Duration deadLetterRetention,
    @DefaultValue Embedded embedded,
    List<ReferralRoute> referralRoutes) {

  public BrokerProperties {
    referralRoutes = referralRoutes == null ? List.of() : List.copyOf(referralRoutes);
  }

  /**
   * Referrals for one coordinator team: those matching {@code filter} (an Artemis filter on the
   * message's {@code region} and {@code program} properties) go to {@code aftercare.referrals.<name>},
   * which only the broker roles in {@code readers} (and the service) may consume.
   */
  public record ReferralRoute(String name, String filter, List<String> readers) {

    public ReferralRoute {
      readers = readers == null ? List.of() : List.copyOf(readers);
    }

    public String queue() {
      return "aftercare.referrals." + name;
    }
  }

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
