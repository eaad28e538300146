package org.aftercarebridge.support;

import jakarta.jms.Message;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the whole service in embedded mode on a random HTTP port, its
 * embedded broker on a free TCP port, and its database fresh (embedded H2 under a temporary data
 * directory, or the PostgreSQL the build points {@code spring.datasource.url} at, cleaned first).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false) // the Prometheus endpoint, as in production (tests turn it off by default)
@Import({ServiceUnderTest.CleanDatabase.class, ServiceUnderTest.ControlledClock.class, DatabaseSwitch.class})
public abstract class ServiceUnderTest {

  /**
   * The service's clock (follow-ups). It stands in the year 2000, before any discharge the tests
   * send, so nothing comes due unless a test moves it — and puts it back.
   */
  public static final TestClock CLOCK = new TestClock(TestClock.LONG_AGO);

  /** The development clinical-system client's FHIR endpoint, which receives its referrals' status. */
  public static final ClinicEndpointStub CLINIC = new ClinicEndpointStub();

  public static final String FHIR_JSON = ServiceClient.FHIR_JSON;
  public static final String FHIR_XML = ServiceClient.FHIR_XML;

  private static final Path DATA_DIR = temporaryDataDirectory();
  private static final int BROKER_PORT = Broker.freePort();
  /** Where the service takes HL7 v2 over MLLP. */
  protected static final int MLLP_PORT = Broker.freePort();

  @LocalServerPort protected int port;
  @Autowired protected JdbcClient jdbc;

  @DynamicPropertySource
  static void isolatedDataAndBroker(DynamicPropertyRegistry registry) {
    registry.add("aftercare.data-dir", DATA_DIR::toString);
    registry.add("aftercare.broker.embedded.acceptor", () -> "tcp://localhost:" + BROKER_PORT + "?protocols=CORE,AMQP");
    registry.add("spring.artemis.broker-url", ServiceUnderTest::brokerUrl);
    registry.add("aftercare.referral.outbox.sweep-interval", () -> "1s");
    registry.add("aftercare.referral.outbox.sweep-grace", () -> "2s");
    registry.add("aftercare.followups.poll-interval", () -> "500ms");
    registry.add("aftercare.cluster.lease-for", () -> "3s");
    registry.add("aftercare.cluster.renew-every", () -> "500ms");
    registry.add("aftercare.clinic-updates.endpoints.clinic-ehr", CLINIC::baseUrl);
    registry.add("aftercare.mllp.port", () -> MLLP_PORT);
    // Vermont's coordinators have their own queue; everything else stays on aftercare.referrals
    registry.add("aftercare.broker.referral-routes[0].name", () -> "US-VT");
    registry.add("aftercare.broker.referral-routes[0].filter", () -> "region = 'US-VT'");
    registry.add("aftercare.broker.referral-routes[0].readers[0]", () -> "coordinator");
    registry.add("aftercare.clinic-updates.max-attempts", () -> "3");
    registry.add("aftercare.clinic-updates.first-retry", () -> "200ms");
    registry.add("aftercare.clinic-updates.longest-wait", () -> "1s");
    registry.add("aftercare.clinic-updates.poll-interval", () -> "300ms");
    // the suite asks for many tokens from one address; RateLimitIT checks the limits on an instance of its own
    registry.add("aftercare.security.rate-limits.token-per-minute", () -> "100000");
    registry.add("aftercare.security.rate-limits.intake-per-minute", () -> "100000");
    // a second clinical system, which must not see the first one's referrals
    registry.add("aftercare.security.issuer.clients.other-ehr.secret", () -> "dev-only-other-ehr-secret");
    registry.add("aftercare.security.issuer.clients.other-ehr.roles[0]", () -> "clinical-system");
    registry.add("aftercare.security.issuer.clients.other-ehr.scopes", () -> "system/MessageHeader.c,system/Task.rs,system/ServiceRequest.rs,system/Consent.r");
    // a clinical system that authenticates with signed client assertions (SMART Backend Services)
    registry.add("aftercare.security.issuer.clients.backend-ehr.jwks", SmartBackendClient.REGISTERED::publicJwks);
    registry.add("aftercare.security.issuer.clients.backend-ehr.roles[0]", () -> "clinical-system");
    registry.add("aftercare.security.issuer.clients.backend-ehr.scopes[0]", () -> "system/MessageHeader.c");
  }

  @TestConfiguration
  public static class ControlledClock {
    @Bean
    @Primary
    Clock controlledClock() {
      return CLOCK;
    }
  }

  /** Starts from an empty schema, also on a PostgreSQL database that outlives test runs. */
  @TestConfiguration
  public static class CleanDatabase {
    @Bean
    FlywayMigrationStrategy cleanThenMigrate() {
      return (Flyway flyway) -> {
        Flyway.configure().configuration(flyway.getConfiguration()).cleanDisabled(false).load().clean();
        flyway.migrate();
      };
    }
  }

  /**
   * Another instance of the service on this one's database and broker (its own broker off, the
   * schema already migrated), with the same clock: a second replica. Close it when done.
   */
  protected static ConfigurableApplicationContext anotherInstance(String... arguments) {
    List<String> all = new java.util.ArrayList<>(List.of(
        "--server.port=0",
        "--aftercare.data-dir=" + DATA_DIR,
        "--aftercare.broker.embedded.enabled=false",
        "--spring.artemis.broker-url=" + brokerUrl(),
        "--spring.flyway.enabled=false"));
    if (java.util.Arrays.stream(arguments).noneMatch(argument -> argument.startsWith("--aftercare.mllp.port="))) {
      all.add("--aftercare.mllp.port=" + Broker.freePort());
    }
    all.addAll(List.of(arguments));
    return new SpringApplicationBuilder(org.aftercarebridge.AftercareBridgeApplication.class)
        .initializers(context -> context.getBeanFactory().registerSingleton("controlledClock", CLOCK))
        .run(all.toArray(String[]::new));
  }

  /** A fresh discharge with consent posted by the development clinic: its referral Task's id. */
  protected String referralTask() {
    java.net.http.HttpResponse<String> response =
        service().postMessage(service().clinicToken(), FHIR_JSON, Fixtures.asJson(Fixtures.freshDischarge()));
    org.assertj.core.api.Assertions.assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return ServiceClient.taskIdIn(response.body());
  }

  /** The coordinator accepts the referral Task (PUT with status accepted). */
  protected void acceptAsCoordinator(String taskId) {
    com.fasterxml.jackson.databind.node.ObjectNode task = (com.fasterxml.jackson.databind.node.ObjectNode)
        ServiceClient.json(service().get("/fhir/Task/" + taskId, service().coordinatorToken(), FHIR_JSON).body());
    task.put("status", "accepted");
    java.net.http.HttpResponse<String> accepted =
        service().put("/fhir/Task/" + taskId, service().coordinatorToken(), FHIR_JSON, task.toString());
    org.assertj.core.api.Assertions.assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
  }

  /** The coordinator records that the person went to a meeting (in progress, BSeR 5.1.4 "Event Completed"). */
  protected void recordAttendance(String taskId) {
    String attended = "[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"in-progress\"},"
        + "{\"op\":\"replace\",\"path\":\"/businessStatus/coding/0\",\"value\":{\"system\":"
        + "\"http://hl7.org/fhir/us/bser/CodeSystem/TaskBusinessStatusCS\",\"code\":\"5.1.4\",\"display\":\"Event Completed\"}}]";
    java.net.http.HttpResponse<String> response =
        service().patch("/fhir/Task/" + taskId, service().coordinatorToken(), "application/json-patch+json", attended);
    org.assertj.core.api.Assertions.assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  public static String brokerUrl() {
    return "tcp://localhost:" + BROKER_PORT;
  }

  protected ServiceClient service() {
    return new ServiceClient(port);
  }

  protected static List<Message> receiveAll(String queue, String selector, long waitMillis) {
    return Broker.receiveAll(brokerUrl(), Broker.COORDINATOR_USER, Broker.COORDINATOR_PASSWORD, queue, selector, waitMillis);
  }

  public static Path temporaryDataDirectory() {
    try {
      return Files.createTempDirectory("aftercare-it-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
