package org.aftercarebridge;

import static org.aftercarebridge.support.Fixtures.asJson;
import static org.aftercarebridge.support.Fixtures.freshDischarge;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import jakarta.jms.Message;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.aftercarebridge.support.Broker;
import org.aftercarebridge.support.ExternalIssuer;
import org.aftercarebridge.support.ServiceClient;
import org.aftercarebridge.support.ServiceUnderTest;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code prod} profile against real external dependencies: PostgreSQL, an Artemis broker the
 * service does not run (started here the way operators run one), and an external OAuth2 issuer (a
 * JWKS endpoint here, tokens signed by the test). Runs in the PostgreSQL pass of the build only:
 * production refuses the embedded H2 database.
 */
@org.junit.jupiter.api.extension.ExtendWith(OutputCaptureExtension.class)
class ProductionModeIT {

  private static final String ISSUER = ExternalIssuer.ISSUER;
  private static final String SERVICE_USER = "aftercare-prod";
  private static final String SERVICE_PASSWORD = "prod-broker-secret-for-test";
  private static final int BROKER_PORT = Broker.freePort();
  private static EmbeddedActiveMQ externalBroker;
  private static ExternalIssuer issuer;
  private static RSAKey signingKey;
  private static ConfigurableApplicationContext service;
  private static ServiceClient client;

  @BeforeAll
  static void startExternalDependenciesAndTheService() throws Exception {
    externalBroker = startExternalBroker();
    issuer = ExternalIssuer.start();
    signingKey = issuer.signingKey;
    service = start("prod-test-pseudonym-key-0123456789");
    client = new ServiceClient(((ServletWebServerApplicationContext) service).getWebServer().getPort());
  }

  @AfterAll
  static void stopEverything() throws Exception {
    if (service != null) {
      service.close();
    }
    if (issuer != null) {
      issuer.close();
    }
    if (externalBroker != null) {
      externalBroker.stop();
    }
  }

  @Test
  void aDischargeWithAnExternalTokenBecomesAReferralOnTheExternalBroker(CapturedOutput output) throws Exception {
    HttpResponse<String> response =
        client.postMessage(token(ISSUER, List.of("clinical-system"), 300, signingKey), ServiceClient.FHIR_JSON, asJson(freshDischarge()));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    String taskId = ServiceClient.taskIdIn(response.body());
    List<Message> announced =
        Broker.receiveAll(brokerUrl(), SERVICE_USER, SERVICE_PASSWORD, "aftercare.referrals", "taskId = '" + taskId + "'", 10_000);
    assertThat(announced).hasSize(1);
    // production starts with an empty directory: nothing matched, a coordinator chooses
    assertThat(announced.get(0).getStringProperty("region")).isEqualTo("unassigned");
    // JSON logs, the message's correlation id a field of its own in the lines from intake to queue
    String correlationId = announced.get(0).getStringProperty("correlationId");
    assertThat(correlationId).isNotBlank();
    assertThat(output.getOut().lines().filter(line -> line.contains("\"correlationId\":\"" + correlationId + "\"")))
        .allMatch(line -> line.startsWith("{") && line.endsWith("}"))
        .anyMatch(line -> line.contains("Discharge message answered: source=fhir"))
        .anyMatch(line -> line.contains("Task/" + taskId + " announced on aftercare.referrals"));
  }

  @Test
  void tokensFromAnotherIssuerSignedByAnotherKeyExpiredForAnotherServiceOrWithoutRoleAreRefused() throws Exception {
    String body = asJson(freshDischarge());
    RSAKey otherKey = ExternalIssuer.newKey();

    assertThat(client.postMessage(token("https://evil.example", List.of("clinical-system"), 300, signingKey), ServiceClient.FHIR_JSON, body).statusCode())
        .isEqualTo(401);
    assertThat(client.postMessage(token(ISSUER, List.of("clinical-system"), 300, otherKey), ServiceClient.FHIR_JSON, body).statusCode())
        .isEqualTo(401);
    assertThat(client.postMessage(token(ISSUER, List.of("clinical-system"), -300, signingKey), ServiceClient.FHIR_JSON, body).statusCode())
        .isEqualTo(401);
    assertThat(client.postMessage(token(ISSUER, "https://another-service.example/fhir", List.of("clinical-system"), 300, signingKey),
        ServiceClient.FHIR_JSON, body).statusCode()).as("a token for another service").isEqualTo(401);
    assertThat(client.postMessage(token(ISSUER, List.of("staff"), 300, signingKey), ServiceClient.FHIR_JSON, body).statusCode())
        .isEqualTo(403);
  }

  @Test
  void theConsoleSignsItsUsersInAtTheExternalIssuer() {
    HttpResponse<String> settings = client.get("/console/config.json", null, "application/json");
    assertThat(ServiceClient.json(settings.body()).get("authorizeEndpoint").asText()).isEqualTo(ISSUER + "/oauth2/authorize");
    assertThat(ServiceClient.json(settings.body()).get("tokenEndpoint").asText()).isEqualTo(ISSUER + "/oauth2/token");
    assertThat(client.get("/", null, "text/html").headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("connect-src 'self' " + ISSUER + ";");
    assertThat(client.get("/login", null, "text/html").statusCode()).as("no sign-in form of our own").isIn(401, 403, 404);
  }

  @Test
  void theBuiltInIssuerIsOff() {
    HttpResponse<String> response =
        client.post("/oauth2/token", null, "application/x-www-form-urlencoded", "grant_type=client_credentials&client_id=clinic-ehr&client_secret=dev-only-clinic-ehr-secret");
    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void developmentSecretsAreRefusedAtStartUp() {
    assertThatThrownBy(() -> start("dev-only-pseudonym-key-0123456789").close())
        .getRootCause()
        .hasMessageContaining("Refusing to start in production")
        .hasMessageContaining("aftercare.referral.pseudonym-key");
  }

  @Test
  void unvalidatedIntakeIsRefusedAtStartUp() {
    assertThatThrownBy(
            () -> start("prod-test-pseudonym-key-0123456789", "--aftercare.intake.profile-validation=false").close())
        .getRootCause()
        .hasMessageContaining("aftercare.intake.profile-validation");
  }

  private static ConfigurableApplicationContext start(String pseudonymKey, String... extraArgs) {
    String postgres = System.getProperty("spring.datasource.url");
    assertThat(postgres).as("ProductionModeIT needs the PostgreSQL pass (scripts/test)").startsWith("jdbc:postgresql:");
    List<String> args = new ArrayList<>(List.of(
        "--spring.profiles.active=prod",
        "--server.port=0",
        "--aftercare.mllp.port=" + org.aftercarebridge.support.Broker.freePort(),
        "--spring.datasource.url=" + postgres + "?currentSchema=production_mode_it",
        "--AFTERCARE_DB_URL=unused-overridden-above",
        "--AFTERCARE_DB_USER=" + System.getProperty("spring.datasource.username"),
        "--AFTERCARE_DB_PASSWORD=" + System.getProperty("spring.datasource.password"),
        "--spring.flyway.schemas=production_mode_it",
        "--AFTERCARE_BROKER_URL=" + brokerUrl(),
        "--AFTERCARE_BROKER_USER=" + SERVICE_USER,
        "--AFTERCARE_BROKER_PASSWORD=" + SERVICE_PASSWORD,
        "--AFTERCARE_ISSUER_URI=" + ISSUER,
        "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + issuer.jwksUri(),
        "--AFTERCARE_PSEUDONYM_KEY=" + pseudonymKey,
        "--AFTERCARE_FHIR_BASE_URL=" + ExternalIssuer.AUDIENCE,
        // no Kubernetes here: the singleton routes take the database lease, as outside Kubernetes
        "--AFTERCARE_CLUSTER_LEASE=database"));
    args.addAll(List.of(extraArgs));
    return new SpringApplicationBuilder(AftercareBridgeApplication.class, ServiceUnderTest.CleanDatabase.class)
        .run(args.toArray(String[]::new));
  }

  private static String token(String issuer, List<String> roles, int validForSeconds, RSAKey key) {
    return token(issuer, ExternalIssuer.AUDIENCE, roles, validForSeconds, key);
  }

  private static String token(String issuer, String audience, List<String> roles, int validForSeconds, RSAKey key) {
    return ExternalIssuer.token(issuer, audience, roles, validForSeconds, key);
  }

  private static String brokerUrl() {
    return "tcp://localhost:" + BROKER_PORT;
  }

  /** An Artemis broker as operators would run it: its own users, the product's queue. */
  private static EmbeddedActiveMQ startExternalBroker() throws Exception {
    ConfigurationImpl config = new ConfigurationImpl();
    config.setName("external-test-broker");
    config.setPersistenceEnabled(false);
    config.setSecurityEnabled(true);
    config.setJMXManagementEnabled(false);
    config.addAcceptorConfiguration("network", brokerUrl() + "?protocols=CORE,AMQP");
    config.addQueueConfiguration(
        QueueConfiguration.of("aftercare.referrals").setRoutingType(RoutingType.ANYCAST).setDurable(true));
    config.putSecurityRoles("#", Set.of(new Role("service", true, true, true, true, true, true, true, true, true, true)));
    SecurityConfiguration users = new SecurityConfiguration();
    users.addUser(SERVICE_USER, SERVICE_PASSWORD);
    users.addRole(SERVICE_USER, "service");
    EmbeddedActiveMQ broker = new EmbeddedActiveMQ().setConfiguration(config)
        .setSecurityManager(new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), users));
    broker.start();
    return broker;
  }
}
