package org.aftercarebridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aftercarebridge.support.ServiceUnderTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Every HTTP endpoint × every role (each with its development client's scopes): allowed (any
 * answer but 401/403) or refused (401 without a token, 403 with the wrong role or scope). Then the tokens that must never pass: expired, tampered with,
 * issued for another service, signed by someone else. Region and sender scoping of referrals is
 * {@code ReferralAccessIT}; broker permissions are {@code EmbeddedBrokerIT}.
 */
class AccessMatrixIT extends ServiceUnderTest {

  enum Caller { NONE, CLINIC, COORDINATOR, STAFF, ADMIN, METRICS }

  private static final Set<Caller> EVERYONE = EnumSet.allOf(Caller.class);
  private static final Set<Caller> SIGNED_IN = EnumSet.complementOf(EnumSet.of(Caller.NONE));
  /** Everyone signed in whose scopes cover the directory (a scraper's token has none). */
  private static final Set<Caller> DIRECTORY_READERS = EnumSet.complementOf(EnumSet.of(Caller.NONE, Caller.METRICS));
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Autowired JWKSource<SecurityContext> issuerKeys;
  @Value("${aftercare.security.audience}") String audience;

  record Endpoint(String method, String path, String contentType, String body, Set<Caller> allowed) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  @Test
  void everyEndpointAnswersOnlyTheRolesItIsFor() throws Exception {
    String task = referralTask();
    List<Endpoint> endpoints = List.of(
        new Endpoint("GET", "/actuator/health/readiness", null, null, EVERYONE),
        new Endpoint("GET", "/fhir/.well-known/smart-configuration", null, null, EVERYONE),
        new Endpoint("GET", "/fhir/metadata", null, null, SIGNED_IN),
        new Endpoint("GET", "/fhir/StructureDefinition", null, null, SIGNED_IN),
        new Endpoint("GET", "/fhir/HealthcareService", null, null, DIRECTORY_READERS),
        new Endpoint("GET", "/fhir/Location/unknown", null, null, DIRECTORY_READERS),
        new Endpoint("POST", "/fhir/$process-message", FHIR_JSON, "{}", EnumSet.of(Caller.CLINIC)),
        new Endpoint("POST", "/fhir/Bundle/$validate", FHIR_JSON, "{}", EnumSet.of(Caller.CLINIC, Caller.ADMIN)),
        new Endpoint("GET", "/fhir/Task", null, null, EnumSet.of(Caller.CLINIC, Caller.COORDINATOR, Caller.ADMIN)),
        new Endpoint("GET", "/fhir/Task/" + task, null, null, EnumSet.of(Caller.CLINIC, Caller.COORDINATOR, Caller.ADMIN)),
        new Endpoint("PUT", "/fhir/Task/" + task, FHIR_JSON, "{}", EnumSet.of(Caller.CLINIC, Caller.COORDINATOR, Caller.ADMIN)),
        new Endpoint("PATCH", "/fhir/Task/" + task, "application/json-patch+json", "[{\"op\":\"test\",\"path\":\"/id\",\"value\":\"x\"}]",
            EnumSet.of(Caller.CLINIC, Caller.COORDINATOR, Caller.ADMIN)),
        new Endpoint("GET", "/fhir/ServiceRequest", null, null, EnumSet.of(Caller.CLINIC, Caller.COORDINATOR, Caller.ADMIN)),
        new Endpoint("GET", "/fhir/Consent/unknown", null, null, EnumSet.of(Caller.CLINIC, Caller.COORDINATOR, Caller.ADMIN)),
        new Endpoint("POST", "/fhir/Consent", FHIR_JSON, "{}", EnumSet.of(Caller.CLINIC, Caller.ADMIN)),
        new Endpoint("GET", "/fhir/AuditEvent", null, null, EnumSet.of(Caller.ADMIN)),
        new Endpoint("POST", "/fhir/HealthcareService", FHIR_JSON, "{}", EnumSet.of(Caller.ADMIN)),
        new Endpoint("PUT", "/fhir/HealthcareService/unknown", FHIR_JSON, "{}", EnumSet.of(Caller.ADMIN)),
        new Endpoint("POST", "/fhir/$match-peer-groups", FHIR_JSON, "{}", EnumSet.of(Caller.CLINIC, Caller.COORDINATOR, Caller.ADMIN)),
        new Endpoint("POST", "/api/directory/imports?format=not-a-format&program=aa", "application/json", "[]", EnumSet.of(Caller.ADMIN)),
        new Endpoint("GET", "/api/dead-letters", null, null, EnumSet.of(Caller.ADMIN)),
        new Endpoint("DELETE", "/api/dead-letters/DLQ.aftercare.task-updates/0", null, null, EnumSet.of(Caller.ADMIN)),
        new Endpoint("GET", "/actuator/prometheus", null, null, EnumSet.of(Caller.ADMIN, Caller.METRICS)),
        new Endpoint("GET", "/fhir/Observation", null, null, EnumSet.of(Caller.CLINIC, Caller.COORDINATOR, Caller.ADMIN)),
        new Endpoint("GET", "/fhir/Observation/unknown", null, null, EnumSet.of(Caller.CLINIC, Caller.COORDINATOR, Caller.ADMIN)),
        new Endpoint("GET", "/api/engagement/summary", null, null, EnumSet.of(Caller.STAFF, Caller.ADMIN)),
        new Endpoint("GET", "/v3/api-docs", null, null, EVERYONE),
        new Endpoint("GET", "/", null, null, EVERYONE),
        new Endpoint("GET", "/console/app.js", null, null, EVERYONE),
        new Endpoint("GET", "/console/config.json", null, null, EVERYONE),
        new Endpoint("GET", "/login", null, null, EVERYONE));

    Map<Caller, String> tokens = new LinkedHashMap<>();
    tokens.put(Caller.CLINIC, service().clinicToken());
    tokens.put(Caller.COORDINATOR, service().coordinatorToken());
    tokens.put(Caller.STAFF, service().staffToken());
    tokens.put(Caller.ADMIN, service().adminToken());
    tokens.put(Caller.METRICS, service().metricsToken());

    List<String> wrong = new ArrayList<>();
    for (Endpoint endpoint : endpoints) {
      for (Caller caller : Caller.values()) {
        int status = send(endpoint, tokens.get(caller)).statusCode();
        boolean refused = status == 401 || status == 403;
        int expectedRefusal = caller == Caller.NONE ? 401 : 403;
        if (endpoint.allowed().contains(caller) ? refused : status != expectedRefusal) {
          wrong.add(endpoint + " as " + caller + ": " + status);
        }
      }
    }
    assertThat(wrong).as("answers that do not fit the matrix").isEmpty();
  }

  @Test
  void answersCarryTheSecurityHeaders() throws Exception {
    HttpResponse<String> response = send(new Endpoint("GET", "/fhir/Task", null, null, Set.of()), service().coordinatorToken());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(response.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'; frame-ancestors 'none'");
  }

  @Test
  void expiredTamperedForeignAndOtherServicesTokensAreRefused() throws Exception {
    Endpoint taskSearch = new Endpoint("GET", "/fhir/Task", null, null, Set.of());
    RSAKey ours = (RSAKey) issuerKeys.get(new JWKSelector(new JWKMatcher.Builder().build()), null).get(0);
    RSAKey someoneElses = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).keyID(ours.getKeyID()).generate();

    assertThat(send(taskSearch, token(ours, audience, Instant.now().plusSeconds(300))).statusCode()).as("a good token (control)").isEqualTo(200);
    assertThat(send(new Endpoint("GET", "/fhir/ServiceRequest", null, null, Set.of()), token(ours, audience, Instant.now().plusSeconds(300)))
        .statusCode()).as("the coordinator role, but no ServiceRequest scope").isEqualTo(403);
    assertThat(send(taskSearch, token(ours, audience, Instant.now().minusSeconds(300))).statusCode()).as("expired").isEqualTo(401);
    assertThat(send(taskSearch, token(ours, "https://another-service.example/fhir", Instant.now().plusSeconds(300))).statusCode())
        .as("for another service").isEqualTo(401);
    assertThat(send(taskSearch, token(someoneElses, audience, Instant.now().plusSeconds(300))).statusCode()).as("signed by another key").isEqualTo(401);

    String[] parts = service().staffToken().split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("\"staff\"", "\"admin\"");
    String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    assertThat(send(new Endpoint("GET", "/fhir/AuditEvent", null, null, Set.of()), tampered).statusCode()).as("staff made admin").isEqualTo(401);
  }

  private static String token(RSAKey key, String audience, Instant expires) throws Exception {
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .subject("coordinator-console")
        .audience(audience)
        .issueTime(Date.from(expires.minusSeconds(600)))
        .expirationTime(Date.from(expires))
        .claim("roles", List.of("coordinator"))
        .claim("regions", List.of("*"))
        .claim("scope", "user/Task.rs")
        .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private HttpResponse<String> send(Endpoint endpoint, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + endpoint.path()))
        .method(endpoint.method(), endpoint.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(endpoint.body()));
    if (endpoint.contentType() != null) {
      request.header("Content-Type", endpoint.contentType());
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
