package org.aftercarebridge.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the whole service on a random HTTP port, its embedded broker on a
 * free TCP port, and its database fresh (embedded H2 under a temporary data directory, or the
 * PostgreSQL the build points {@code spring.datasource.url} at, cleaned first). Tests talk to it as
 * its users do: tokens from the issuer, HTTP, and a real Artemis client on the network port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ServiceUnderTest.CleanDatabase.class)
public abstract class ServiceUnderTest {

  public static final String FHIR_JSON = "application/fhir+json";
  public static final String FHIR_XML = "application/fhir+xml";
  public static final String COORDINATOR_BROKER_USER = "coordinator-dev";
  public static final String COORDINATOR_BROKER_PASSWORD = "dev-only-coordinator-broker-secret";

  private static final Path DATA_DIR = temporaryDataDirectory();
  private static final int BROKER_PORT = freePort();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  protected static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort protected int port;
  @Autowired protected JdbcClient jdbc;

  @DynamicPropertySource
  static void isolatedDataAndBroker(DynamicPropertyRegistry registry) {
    registry.add("aftercare.data-dir", DATA_DIR::toString);
    registry.add("aftercare.broker.embedded.acceptor", () -> "tcp://localhost:" + BROKER_PORT + "?protocols=CORE,AMQP");
    registry.add("spring.artemis.broker-url", ServiceUnderTest::brokerUrl);
    registry.add("aftercare.referral.outbox.sweep-interval", () -> "1s");
    registry.add("aftercare.referral.outbox.sweep-grace", () -> "2s");
  }

  /** Starts every test run from an empty schema, also on a PostgreSQL database that outlives runs. */
  @TestConfiguration
  static class CleanDatabase {
    @Bean
    FlywayMigrationStrategy cleanThenMigrate() {
      return (Flyway flyway) -> {
        Flyway.configure().configuration(flyway.getConfiguration()).cleanDisabled(false).load().clean();
        flyway.migrate();
      };
    }
  }

  public static String brokerUrl() {
    return "tcp://localhost:" + BROKER_PORT;
  }

  protected String token(String client, String secret) {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(uri("/oauth2/token"))
                .header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response.body()).get("access_token").asText();
  }

  protected String clinicToken() {
    return token("clinic-ehr", "dev-only-clinic-ehr-secret");
  }

  protected String coordinatorToken() {
    return token("coordinator-console", "dev-only-coordinator-secret");
  }

  protected String staffToken() {
    return token("staff-dashboard", "dev-only-staff-secret");
  }

  protected HttpResponse<String> postMessage(String token, String contentType, String body) {
    return post("/fhir/$process-message", token, contentType, body);
  }

  protected HttpResponse<String> post(String path, String token, String contentType, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request);
  }

  protected HttpResponse<String> get(String path, String token, String accept) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", accept).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request);
  }

  protected URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  protected static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Receives, as a coordinator over the network port, every message matching the selector. */
  protected static List<Message> receiveAll(String queue, String selector, long waitMillis) {
    try (ActiveMQConnectionFactory factory =
            new ActiveMQConnectionFactory(brokerUrl(), COORDINATOR_BROKER_USER, COORDINATOR_BROKER_PASSWORD);
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

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Path temporaryDataDirectory() {
    try {
      return Files.createTempDirectory("aftercare-it-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
