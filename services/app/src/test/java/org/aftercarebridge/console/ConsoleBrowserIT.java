package org.aftercarebridge.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.aftercarebridge.profiles.AftercareProfiles;
import org.aftercarebridge.support.Fixtures;
import org.aftercarebridge.support.ServiceClient;
import org.aftercarebridge.support.ServiceUnderTest;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/**
 * The web console in Debian's Chromium, driven by Playwright ({@code src/test/browser/console.test.mjs}):
 * a coordinator signs in, accepts a fresh referral and records attendance; staff see it on the
 * dashboard. {@code scripts/test} installs Chromium and the npm package; screenshots land in
 * {@code target/browser-screenshots}.
 */
class ConsoleBrowserIT extends ServiceUnderTest {

  private static final Path SCRIPTS = Path.of("src", "test", "browser");

  @Test
  void aCoordinatorAcceptsAReferralAndRecordsAttendanceAndTheDashboardShowsIt() throws Exception {
    assertThat(SCRIPTS.resolve("node_modules/playwright-core")).as("npm packages of the browser tests (scripts/test installs them)").exists();
    assertThat(Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"))).as("Chromium (scripts/test installs it)").exists();

    HttpResponse<String> intake = service().postMessage(service().clinicToken(), FHIR_JSON, Fixtures.asJson(Fixtures.freshDischarge(
        bundle -> {
          Fixtures.dischargedAt(bundle, Instant.now().minus(Duration.ofDays(2)));
          withPreferences(bundle);
        })));
    assertThat(intake.statusCode()).as(intake.body()).isEqualTo(200);
    String taskId = ServiceClient.taskIdIn(intake.body());
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    String dashboardPeriod = "/api/engagement/summary?from=" + today.minusDays(90) + "&to=" + today.plusDays(1); // the dashboard's default
    int attendedBefore = ServiceClient.json(service().get(dashboardPeriod, service().staffToken(), "application/json").body())
        .at("/overall/firstMeetingAttended").asInt();

    Path screenshots = Path.of("target", "browser-screenshots").toAbsolutePath();
    Path output = Files.createTempFile("console-browser-test", ".log");
    ProcessBuilder node = new ProcessBuilder("node", "console.test.mjs")
        .directory(SCRIPTS.toFile())
        .redirectErrorStream(true)
        .redirectOutput(output.toFile());
    node.environment().put("BASE_URL", "http://127.0.0.1:" + port);
    node.environment().put("TASK_ID", taskId);
    node.environment().put("EXPECTED_ATTENDED", Integer.toString(attendedBefore + 1));
    node.environment().put("SCREENSHOTS", screenshots.toString());
    Process process = node.start();
    boolean finished = process.waitFor(3, TimeUnit.MINUTES);
    if (!finished) {
      process.destroyForcibly();
    }
    String log = read(output);
    assertThat(finished).as("the browser test finished in time:\n" + log).isTrue();
    assertThat(process.exitValue()).as("the browser test:\n" + log).isZero();

    assertThat(ServiceClient.json(service().get("/fhir/Task/" + taskId, service().coordinatorToken(), FHIR_JSON).body())
        .at("/businessStatus/coding/0/code").asText()).as("what the browser did is stored").isEqualTo("5.1.4");
    assertThat(screenshots.resolve("06-dashboard.png")).exists();
  }

  @Test
  void theConsoleIsServedWithAStrictContentSecurityPolicyAndNoCookies() {
    HttpResponse<String> page = service().get("/", null, "text/html");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe");
    assertThat(page.headers().firstValue("Set-Cookie")).isEmpty();
    assertThat(page.body()).doesNotContain("http://", "https://");
    HttpResponse<String> settings = service().get("/console/config.json", null, "application/json");
    assertThat(ServiceClient.json(settings.body()).get("clientId").asText()).isEqualTo("web-console");
  }

  @Test
  void theSignInFormRefusesAPostWithoutItsCsrfToken() {
    HttpResponse<String> forged = service().post("/login", null, "application/x-www-form-urlencoded",
        "username=coordinator&password=dev-only-coordinator-password");
    assertThat(forged.statusCode()).isEqualTo(403);
  }

  /** The guide's example answers to the preferences Questionnaire, about the message's Patient. */
  private static void withPreferences(Bundle bundle) {
    String patient = bundle.getEntry().stream().filter(entry -> entry.getResource() instanceof Patient).findFirst().orElseThrow().getFullUrl();
    try (InputStream example = ConsoleBrowserIT.class.getClassLoader()
        .getResourceAsStream(AftercareProfiles.GUIDE_EXAMPLES + "QuestionnaireResponse-example-alex-preferences.json")) {
      QuestionnaireResponse preferences = Fixtures.FHIR.newJsonParser().parseResource(QuestionnaireResponse.class, example);
      preferences.setId((String) null);
      preferences.setSubject(new Reference(patient));
      bundle.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(preferences);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
