package org.aftercarebridge.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Talks to a running service over HTTP as its users do: tokens from the issuer, FHIR requests. */
public final class ServiceClient {

  public static final String FHIR_JSON = "application/fhir+json";
  public static final String FHIR_XML = "application/fhir+xml";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TASK_ID = Pattern.compile("Task/([0-9a-f-]{36})");

  private final String base;

  public ServiceClient(int port) {
    this.base = "http://localhost:" + port;
  }

  public String token(String client, String secret) {
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

  public String clinicToken() {
    return token("clinic-ehr", "dev-only-clinic-ehr-secret");
  }

  public String coordinatorToken() {
    return token("coordinator-console", "dev-only-coordinator-secret");
  }

  public String staffToken() {
    return token("staff-dashboard", "dev-only-staff-secret");
  }

  public HttpResponse<String> postMessage(String token, String contentType, String body) {
    return post("/fhir/$process-message", token, contentType, body);
  }

  public HttpResponse<String> post(String path, String token, String contentType, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request);
  }

  public HttpResponse<String> put(String path, String token, String contentType, String body) {
    return send("PUT", path, token, contentType, body, null);
  }

  /** {@code PUT} with {@code If-Match: W/"<version>"}. */
  public HttpResponse<String> put(String path, String token, String contentType, String body, String version) {
    return send("PUT", path, token, contentType, body, version);
  }

  public HttpResponse<String> patch(String path, String token, String contentType, String body) {
    return send("PATCH", path, token, contentType, body, null);
  }

  private HttpResponse<String> send(String method, String path, String token, String contentType, String body, String version) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (version != null) {
      request.header("If-Match", "W/\"" + version + "\"");
    }
    return send(request);
  }

  public String metricsToken() {
    return token("prometheus", "dev-only-prometheus-secret");
  }

  public String adminToken() {
    return token("directory-admin", "dev-only-admin-secret");
  }

  public HttpResponse<String> delete(String path, String token) {
    return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).DELETE());
  }

  public HttpResponse<String> get(String path, String token, String accept) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", accept).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request);
  }

  /** The id of the Task an intake OperationOutcome names ("Referral created: Task/<id>"). */
  public static String taskIdIn(String body) {
    Matcher matcher = TASK_ID.matcher(body);
    assertThat(matcher.find()).as("a Task reference in " + body).isTrue();
    return matcher.group(1);
  }

  public static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private URI uri(String path) {
    return URI.create(base + path);
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
}
