package org.aftercarebridge.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An ActiveMQ Artemis broker as operators run one: an instance created with the distribution's own
 * {@code artemis create} (the distribution from Maven Central, unpacked by the build into
 * target/artemis-distribution), configured with the Helm chart's broker.xml, run as its own process.
 */
public final class StandaloneArtemis implements AutoCloseable {

  /** The broker configuration the Helm chart ships. */
  private static final Path CHART_BROKER_XML = Path.of("..", "..", "helm", "aftercare-bridge", "files", "broker.xml");

  public final int port = Broker.freePort();
  private final Path instance;
  private final Path log;
  private Process process;

  private StandaloneArtemis(Path instance) {
    this.instance = instance;
    this.log = instance.resolve("broker.log");
  }

  /**
   * Creates a fresh broker instance under target/ with these users ({@code name → password}) and roles
   * ({@code role → users}); start it with {@link #start()}.
   */
  public static StandaloneArtemis create(String name, Map<String, String> users, Map<String, List<String>> roles) {
    try {
      Path instance = Path.of("target", "standalone-artemis", name).toAbsolutePath();
      deleteRecursively(instance);
      run(List.of("bash", distribution().resolve("bin/artemis").toString(), "create", "--silent", "--require-login",
          "--no-web", "--no-autotune", "--user", "bootstrap", "--password", "replaced-below", instance.toString()));
      Files.copy(CHART_BROKER_XML, instance.resolve("etc/broker.xml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      Files.writeString(instance.resolve("etc/artemis-users.properties"),
          users.entrySet().stream().map(u -> u.getKey() + " = " + u.getValue()).collect(Collectors.joining("\n", "", "\n")));
      Files.writeString(instance.resolve("etc/artemis-roles.properties"),
          roles.entrySet().stream().map(r -> r.getKey() + " = " + String.join(",", r.getValue())).collect(Collectors.joining("\n", "", "\n")));
      return new StandaloneArtemis(instance);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public StandaloneArtemis start() {
    try {
      ProcessBuilder builder = new ProcessBuilder("bash", instance.resolve("bin/artemis").toString(), "run")
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      // the chart's broker.xml reads its port from a system property (default 61616)
      builder.environment().put("JAVA_ARGS_APPEND", "-Xms128m -Xmx384m -Daftercare.broker.port=" + port);
      process = builder.start();
      long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new IllegalStateException("The broker exited during start-up; see " + log);
        }
        if (Files.readString(log).contains("AMQ221007")) { // Server is now active
          try (Socket probe = new Socket("localhost", port)) {
            return this;
          } catch (IOException notYet) {
            // acceptor not up yet
          }
        }
        Thread.sleep(200);
      }
      throw new IllegalStateException("The broker did not start; see " + log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public String url() {
    return "tcp://localhost:" + port;
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static Path distribution() throws IOException {
    try (Stream<Path> unpacked = Files.list(Path.of("target", "artemis-distribution"))) {
      return unpacked.filter(p -> p.getFileName().toString().startsWith("apache-artemis-")).findFirst()
          .orElseThrow(() -> new IllegalStateException("No Artemis distribution in target/artemis-distribution: run the pre-integration-test phase"));
    }
  }

  private static void run(List<String> command) throws IOException {
    try {
      Process create = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(create.getInputStream().readAllBytes());
      if (create.waitFor() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (Files.exists(directory)) {
      try (Stream<Path> all = Files.walk(directory)) {
        for (Path path : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }
}
