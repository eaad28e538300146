package org.aftercarebridge.broker;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.DivertConfiguration;
import org.apache.activemq.artemis.core.config.MetricsConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.ComponentConfigurationRoutingType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.server.metrics.ActiveMQMetricsPlugin;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The embedded mode's ActiveMQ Artemis broker: persistent journal under the data directory, CORE and
 * AMQP on {@code tcp://localhost:61616}, authenticated users with per-address permissions, bounded
 * redelivery into {@code DLQ.<queue>}, and a persisted duplicate-detection cache.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "aftercare.broker.embedded.enabled", havingValue = "true", matchIfMissing = true)
public class EmbeddedBrokerConfiguration {

  static final String SERVICE_ROLE = "service";
  static final String COORDINATOR_ROLE = "coordinator";
  static final String TASK_UPDATES = "aftercare.task-updates";
  /** The service's own work queues (clinic updates sent back from the dead letters): no coordinator access. */
  static final Set<String> SERVICE_ONLY = Set.of("aftercare.clinic-updates");
  static final String REFERRALS = "aftercare.referrals";

  @Bean(initMethod = "start", destroyMethod = "stop")
  EmbeddedActiveMQ embeddedBroker(BrokerProperties properties, MeterRegistry meters) throws Exception {
    BrokerProperties.Embedded embedded = properties.embedded();
    if (embedded.users().isEmpty()) {
      throw new IllegalStateException("The embedded broker needs users: set aftercare.broker.embedded.users");
    }
    SecurityConfiguration users = new SecurityConfiguration();
    for (BrokerProperties.User user : embedded.users()) {
      users.addUser(user.name(), user.password());
      user.roles().forEach(role -> users.addRole(user.name(), role));
    }
    Configuration configuration = configuration(properties);
    // Artemis's own meters (artemis_message_count{queue} …) on our /actuator/prometheus: the same names an
    // external broker's Prometheus plugin exports, so one dashboard and one set of alerts serve both modes.
    configuration.setMetricsConfiguration(new MetricsConfiguration().setPlugin(new SharedRegistry(meters)).setJvmMemory(false));
    return new EmbeddedActiveMQ()
        .setConfiguration(configuration)
        .setSecurityManager(new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), users));
  }

  private static Configuration configuration(BrokerProperties properties) throws Exception {
    BrokerProperties.Embedded embedded = properties.embedded();
    ConfigurationImpl config = new ConfigurationImpl();
    config.setName("aftercare-embedded");
    config.setPersistenceEnabled(true);
    config.setJournalDirectory(embedded.dataDirectory().resolve("journal").toString());
    config.setBindingsDirectory(embedded.dataDirectory().resolve("bindings").toString());
    config.setPagingDirectory(embedded.dataDirectory().resolve("paging").toString());
    config.setLargeMessagesDirectory(embedded.dataDirectory().resolve("large-messages").toString());
    config.setSecurityEnabled(true);
    config.setJMXManagementEnabled(false);
    config.setPersistIDCache(true);
    // every message names the user who sent it, as authenticated (Task updates are checked against its regions)
    config.setPopulateValidatedUser(true);
    config.addAcceptorConfiguration("network", embedded.acceptor());

    config.addAddressSetting(
        "aftercare.#",
        new AddressSettings()
            .setMaxDeliveryAttempts(properties.maxDeliveryAttempts())
            .setRedeliveryDelay(1000)
            .setRedeliveryMultiplier(2)
            .setMaxRedeliveryDelay(30_000)
            .setDeadLetterAddress(SimpleString.of("DLA"))
            .setAutoCreateDeadLetterResources(true)
            .setDeadLetterQueuePrefix(SimpleString.of("DLQ.")));

    for (String queue : properties.queues()) {
      config.addQueueConfiguration(
          QueueConfiguration.of(queue).setAddress(queue).setRoutingType(RoutingType.ANYCAST).setDurable(true));
    }

    Role service = new Role(SERVICE_ROLE, true, true, true, true, true, true, true, true, true, true);
    Role coordinatorReads = new Role(COORDINATOR_ROLE, false, true, false, false, false, false, false, true, false, false);
    Role coordinatorWrites = new Role(COORDINATOR_ROLE, true, false, false, false, false, false, false, false, false, false);
    config.putSecurityRoles("aftercare.#", Set.of(service));
    config.putSecurityRoles("DLA", Set.of(service));
    config.putSecurityRoles("DLQ.#", Set.of(service));
    for (String queue : properties.queues()) {
      if (!SERVICE_ONLY.contains(queue)) {
        config.putSecurityRoles(queue, Set.of(service, TASK_UPDATES.equals(queue) ? coordinatorWrites : coordinatorReads));
      }
    }
    // Each coordinator team's referrals: moved (exclusive divert) from aftercare.referrals to its own queue.
    for (BrokerProperties.ReferralRoute route : properties.referralRoutes()) {
      config.addQueueConfiguration(
          QueueConfiguration.of(route.queue()).setAddress(route.queue()).setRoutingType(RoutingType.ANYCAST).setDurable(true));
      config.addDivertConfiguration(new DivertConfiguration()
          .setName("referrals-to-" + route.name())
          .setAddress(REFERRALS)
          .setForwardingAddress(route.queue())
          .setFilterString(route.filter())
          .setExclusive(true)
          .setRoutingType(ComponentConfigurationRoutingType.ANYCAST));
      Set<Role> roles = new java.util.HashSet<>();
      roles.add(service);
      route.readers().forEach(reader -> roles.add(new Role(reader, false, true, false, false, false, false, false, true, false, false)));
      config.putSecurityRoles(route.queue(), roles);
    }
    return config;
  }

  /** Hands Artemis the application's meter registry. */
  private record SharedRegistry(MeterRegistry registry) implements ActiveMQMetricsPlugin {

    @Override
    public ActiveMQMetricsPlugin init(java.util.Map<String, String> options) {
      return this;
    }

    @Override
    public MeterRegistry getRegistry() {
      return registry;
    }
  }
}
