package org.aftercarebridge.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The packaged service (the Spring Boot jar) as its own operating-system process, so that a test can
 * kill it with SIGKILL and start it again. Embedded mode: its own data directory, ports and database
 * (on the PostgreSQL test pass a schema of its own in the test database; otherwise the embedded H2
 * file under the data directory). Production mode: the {@code prod} profile with the settings given.
 */
public final class ServiceProcess implements AutoCloseable {

  public final int httpPort = Broker.freePort();
  public final int mllpPort = Broker.freePort();
  public final int brokerPort = Broker.freePort();
  private final Path dataDir;
  private final Path logFile;
  /** Production mode's settings (command-line properties); null in embedded mode. */
  private final List<String> production;
  private Process process;

  private ServiceProcess(Path dataDir, String name, List<String> production) {
    this.dataDir = dataDir;
    this.logFile = Path.of("target", "service-process", name + ".log");
    this.production = production;
  }

  /** A service on a fresh data directory (and a fresh PostgreSQL schema on that pass). */
  public static ServiceProcess fresh(String name) {
    dropPostgresSchema();
    return new ServiceProcess(ServiceUnderTest.temporaryDataDirectory(), name, null);
  }

  /** A service in production mode ({@code prod} profile) with these settings: its external broker, database, issuer. */
  public static ServiceProcess production(String name, List<String> settings) {
    List<String> production = new ArrayList<>(List.of("--spring.profiles.active=prod"));
    production.addAll(settings);
    return new ServiceProcess(null, name, production);
  }

  public ServiceProcess start() {
    try {
      Files.createDirectories(logFile.getParent());
      List<String> command = new ArrayList<>(List.of(
          ProcessHandle.current().info().command().orElse("java"), "-Xmx768m", "-XX:+UseSerialGC", "-jar", jar().toString(),
          "--server.port=" + httpPort,
          "--aftercare.mllp.port=" + mllpPort));
      if (production != null) {
        command.addAll(production);
      } else {
        command.addAll(embeddedSettings());
      }
      process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
          .start();
      awaitReady();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> embeddedSettings() {
    List<String> settings = new ArrayList<>(List.of(
        "--aftercare.data-dir=" + dataDir,
        "--aftercare.broker.embedded.acceptor=tcp://localhost:" + brokerPort + "?protocols=CORE,AMQP",
        "--spring.artemis.broker-url=" + brokerUrl(),
        "--aftercare.referral.outbox.sweep-interval=1s",
        "--aftercare.referral.outbox.sweep-grace=2s"));
    if (onPostgres()) {
      settings.add("--spring.datasource.url=" + System.getProperty("spring.datasource.url") + "?currentSchema=" + SCHEMA);
      settings.add("--spring.datasource.username=" + System.getProperty("spring.datasource.username"));
      settings.add("--spring.datasource.password=" + System.getProperty("spring.datasource.password"));
      settings.add("--spring.flyway.schemas=" + SCHEMA);
    }
    return settings;
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** {@code kill -9}: no shutdown hook, no flush, no goodbye. */
  public void kill() {
    process.destroyForcibly();
    waitForExit();
  }

  /** A graceful stop (SIGTERM), which releases the embedded database's file. */
  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      process.destroy();
      waitForExit();
    }
  }

  public ServiceClient client() {
    return new ServiceClient(httpPort);
  }

  public String brokerUrl() {
    return "tcp://localhost:" + brokerPort;
  }

  /** Its database, for counting after it stopped. */
  public Connection database() throws SQLException {
    if (onPostgres()) {
      Connection connection = postgres();
      connection.setSchema(SCHEMA);
      return connection;
    }
    return DriverManager.getConnection("jdbc:h2:file:" + dataDir + "/db/aftercare;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
        "aftercare", "dev-only-database-secret");
  }

  private static final String SCHEMA = "aftercare_process_test";

  /** The PostgreSQL test database this pass runs on. */
  private static Connection postgres() throws SQLException {
    return DriverManager.getConnection(System.getProperty("spring.datasource.url"),
        System.getProperty("spring.datasource.username"), System.getProperty("spring.datasource.password"));
  }

  private static boolean onPostgres() {
    return System.getProperty("spring.datasource.url", "").startsWith("jdbc:postgresql:");
  }

  private static void dropPostgresSchema() {
    if (!onPostgres()) {
      return;
    }
    try (Connection connection = postgres()) {
      connection.createStatement().execute("drop schema if exists " + SCHEMA + " cascade");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private void awaitReady() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The service process exited during start-up; see " + logFile.toAbsolutePath());
      }
      try {
        HttpResponse<Void> ready = http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/actuator/health/readiness")).build(),
            HttpResponse.BodyHandlers.discarding());
        if (ready.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(500);
    }
    throw new IllegalStateException("The service process did not become ready; see " + logFile.toAbsolutePath());
  }

  private void waitForExit() {
    try {
      if (!process.waitFor(Duration.ofMinutes(1).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The repackaged jar the package phase built. */
  private static Path jar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files.filter(p -> p.getFileName().toString().matches("aftercare-bridge-.*\\.jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException("No service jar in target/: run the package phase first"));
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
