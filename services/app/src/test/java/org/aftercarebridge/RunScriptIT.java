package org.aftercarebridge;

import static org.aftercarebridge.support.Fixtures.asJson;
import static org.aftercarebridge.support.Fixtures.freshDischarge;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.aftercarebridge.support.Broker;
import org.aftercarebridge.support.ServiceClient;
import org.aftercarebridge.support.ServiceUnderTest;
import org.junit.jupiter.api.Test;

/**
 * The README's run command as a user runs it: {@code scripts/run} starts the built service from its
 * class-data-sharing archive (made on first use by scripts/cds-archive), without building again, and
 * the service takes a discharge. {@code -Xshare:on} makes the JVM refuse to start on an archive it
 * cannot use, instead of quietly starting slower.
 */
class RunScriptIT {

  private static final Path LOG = Path.of("target", "service-process", "run-script.log");

  @Test
  void startsFromItsClassDataSharingArchiveAndTakesADischarge() throws Exception {
    int httpPort = Broker.freePort();
    int brokerPort = Broker.freePort();
    Files.createDirectories(LOG.getParent());
    Files.deleteIfExists(LOG);
    ProcessBuilder builder = new ProcessBuilder("bash", "../../scripts/run",
        "--server.port=" + httpPort,
        "--aftercare.mllp.port=" + Broker.freePort(),
        "--aftercare.data-dir=" + ServiceUnderTest.temporaryDataDirectory(),
        "--aftercare.broker.embedded.acceptor=tcp://localhost:" + brokerPort + "?protocols=CORE,AMQP",
        "--spring.artemis.broker-url=tcp://localhost:" + brokerPort)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(LOG.toFile()));
    builder.environment().put("JAVA_OPTS", "-Xmx768m -Xshare:on -XX:+ExitOnOutOfMemoryError");
    Process service = builder.start();
    try {
      awaitReady(service, httpPort);
      // the script exec'd java: this process is the service's JVM
      assertThat(service.info().arguments().map(List::of).orElseThrow())
          .anyMatch(argument -> argument.startsWith("-XX:SharedArchiveFile=") && argument.endsWith("/cds/app.jsa"));
      assertThat(Files.readString(LOG)).doesNotContain("Building Aftercare Bridge");

      ServiceClient client = new ServiceClient(httpPort);
      HttpResponse<String> response = client.postMessage(client.clinicToken(), ServiceClient.FHIR_JSON, asJson(freshDischarge()));
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      assertThat(ServiceClient.taskIdIn(response.body())).isNotBlank();
    } finally {
      service.destroy();
      if (!service.waitFor(1, TimeUnit.MINUTES)) {
        service.destroyForcibly().waitFor();
      }
    }
  }

  /** Ready within five minutes: the first run after a build makes the archive (a training run, then the dump). */
  private static void awaitReady(Process service, int httpPort) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/actuator/health/readiness")).build();
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(service.isAlive()).as("scripts/run exited; see %s", LOG.toAbsolutePath()).isTrue();
      try {
        if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(500);
    }
    throw new AssertionError("scripts/run did not become ready; see " + LOG.toAbsolutePath());
  }
}
