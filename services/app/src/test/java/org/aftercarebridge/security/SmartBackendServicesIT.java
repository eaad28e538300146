package org.aftercarebridge.security;

import static org.aftercarebridge.support.Fixtures.asJson;
import static org.aftercarebridge.support.Fixtures.freshDischarge;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.aftercarebridge.support.ServiceClient;
import org.aftercarebridge.support.ServiceUnderTest;
import org.aftercarebridge.support.SmartBackendClient;
import org.junit.jupiter.api.Test;

/**
 * SMART Backend Services end to end: discovery without a token, a token for a signed client
 * assertion, a discharge posted with it; assertions replayed, signed with another key, expired, too
 * long-lived or for another audience get no token.
 */
class SmartBackendServicesIT extends ServiceUnderTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void discoveryNamesTheTokenEndpointAndPrivateKeyJwt() throws Exception {
    for (String path : new String[] {"/fhir/.well-known/smart-configuration", "/.well-known/smart-configuration"}) {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base() + path)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
      JsonNode configuration = ServiceClient.json(response.body());
      assertThat(configuration.get("token_endpoint").asText()).isEqualTo(tokenEndpoint());
      assertThat(configuration.get("token_endpoint_auth_methods_supported").toString()).contains("private_key_jwt");
      assertThat(configuration.get("token_endpoint_auth_signing_alg_values_supported").toString()).contains("RS384");
      assertThat(configuration.get("capabilities").toString()).contains("client-confidential-asymmetric");
    }
  }

  @Test
  void aSignedClientAssertionGetsATokenThatSendsADischarge() throws Exception {
    String assertion = SmartBackendClient.REGISTERED.assertion(tokenEndpoint());
    HttpResponse<String> token = requestToken(assertion);
    assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
    JsonNode issued = ServiceClient.json(token.body());
    assertThat(issued.get("token_type").asText()).isEqualToIgnoringCase("Bearer");
    assertThat(issued.get("scope").asText()).isEqualTo("system/MessageHeader.c");

    HttpResponse<String> posted = service().postMessage(issued.get("access_token").asText(), FHIR_JSON, asJson(freshDischarge()));
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
    HttpResponse<String> beyondItsScope = service().get("/fhir/Task", issued.get("access_token").asText(), FHIR_JSON);
    assertThat(beyondItsScope.statusCode()).as("Task search without a Task scope: " + beyondItsScope.body()).isEqualTo(403);
    assertThat(beyondItsScope.body()).contains("system/Task.s");

    HttpResponse<String> replayed = requestToken(assertion);
    assertThat(replayed.statusCode()).as("the same assertion again: " + replayed.body()).isEqualTo(401);
  }

  @Test
  void assertionsThatMustNotWorkGetNoToken() throws Exception {
    SmartBackendClient impostor = new SmartBackendClient();
    assertThat(requestToken(impostor.assertion(tokenEndpoint())).statusCode()).as("another key").isEqualTo(401);
    assertThat(requestToken(SmartBackendClient.REGISTERED.assertion(tokenEndpoint(), Instant.now().minusSeconds(120))).statusCode())
        .as("expired").isEqualTo(401);
    assertThat(requestToken(SmartBackendClient.REGISTERED.assertion(tokenEndpoint(), Instant.now().plus(Duration.ofHours(1)))).statusCode())
        .as("valid for an hour").isEqualTo(401);
    assertThat(requestToken(SmartBackendClient.REGISTERED.assertion("https://elsewhere.example/token")).statusCode())
        .as("another audience").isEqualTo(401);
  }

  private HttpResponse<String> requestToken(String assertion) throws Exception {
    String form = "grant_type=client_credentials&scope=" + URLEncoder.encode("system/MessageHeader.c", StandardCharsets.UTF_8)
        + "&client_assertion_type=" + URLEncoder.encode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", StandardCharsets.UTF_8)
        + "&client_assertion=" + assertion;
    return HTTP.send(HttpRequest.newBuilder(URI.create(tokenEndpoint()))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private String base() {
    return "http://localhost:" + port;
  }

  private String tokenEndpoint() {
    return base() + "/oauth2/token";
  }
}
