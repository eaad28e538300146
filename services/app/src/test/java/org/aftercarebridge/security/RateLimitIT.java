package org.aftercarebridge.security;

import static org.aftercarebridge.support.Fixtures.asJson;
import static org.aftercarebridge.support.Fixtures.freshDischarge;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.aftercarebridge.support.ServiceClient;
import org.aftercarebridge.support.ServiceUnderTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Rate limits on an instance of their own (the shared one allows the suite's many tokens): token
 * requests past the budget of their address and intake posts past their client's are 429 with
 * Retry-After — an OperationOutcome for intake — and another client still gets through.
 */
class RateLimitIT extends ServiceUnderTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void tokenRequestsAndIntakePastTheirBudgetAre429WithRetryAfter() throws Exception {
    try (ConfigurableApplicationContext limited = anotherInstance(
        "--aftercare.security.rate-limits.token-per-minute=3", "--aftercare.security.rate-limits.intake-per-minute=2",
        "--aftercare.security.issuer.clients.other-ehr.secret=dev-only-other-ehr-secret",
        "--aftercare.security.issuer.clients.other-ehr.roles[0]=clinical-system",
        "--aftercare.security.issuer.clients.other-ehr.scopes[0]=system/MessageHeader.c")) {
      int port = ((ServletWebServerApplicationContext) limited).getWebServer().getPort();
      ServiceClient service = new ServiceClient(port);
      String clinic = service.clinicToken();
      String other = service.token("other-ehr", "dev-only-other-ehr-secret");
      assertThat(service.token("coordinator-console", "dev-only-coordinator-secret")).isNotBlank();

      HttpResponse<String> fourth = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("clinic-ehr:dev-only-clinic-ehr-secret".getBytes(StandardCharsets.UTF_8)))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(fourth.statusCode()).as(fourth.body()).isEqualTo(429);
      assertThat(fourth.headers().firstValue("Retry-After")).isPresent();

      assertThat(service.postMessage(clinic, FHIR_JSON, asJson(freshDischarge())).statusCode()).isEqualTo(200);
      assertThat(service.postMessage(clinic, FHIR_JSON, asJson(freshDischarge())).statusCode()).isEqualTo(200);
      HttpResponse<String> third = service.postMessage(clinic, FHIR_JSON, asJson(freshDischarge()));
      assertThat(third.statusCode()).as(third.body()).isEqualTo(429);
      assertThat(third.headers().firstValue("Retry-After")).isPresent();
      assertThat(third.body()).contains("OperationOutcome").contains("throttled");

      assertThat(service.postMessage(other, FHIR_JSON, asJson(freshDischarge())).statusCode()).as("another client").isEqualTo(200);
    }
  }
}
