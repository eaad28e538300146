package org.aftercarebridge.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.aftercarebridge.AftercareBridgeApplication;
import org.aftercarebridge.support.Broker;
import org.aftercarebridge.support.ServiceUnderTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Configured feed sources are polled by the Camel route: a file and an HTTP source are imported, an
 * unreachable one is logged and does not stop the others. Feed sources are start-up configuration,
 * so this test runs its own service instance (own broker port and data directory).
 */
class DirectoryFeedPollingIT {

  private static final Path FEEDS = Path.of("../directory/src/test/resources/feeds").toAbsolutePath();
  private static HttpServer bmlt;
  private static ConfigurableApplicationContext service;
  private static JdbcClient jdbc;

  @BeforeAll
  static void startWithFeedSources() throws IOException {
    bmlt = bmltServer();
    Path file = Files.createTempFile("tupelo-aa-", ".json");
    Files.copy(FEEDS.resolve("c4r-pdf-tests-fixtures-meetings.json"), file, StandardCopyOption.REPLACE_EXISTING);
    int brokerPort = Broker.freePort();
    service =
        new SpringApplicationBuilder(AftercareBridgeApplication.class, ServiceUnderTest.CleanDatabase.class)
            .run(
                "--server.port=0",
                "--aftercare.mllp.port=" + org.aftercarebridge.support.Broker.freePort(),
                "--aftercare.data-dir=" + ServiceUnderTest.temporaryDataDirectory(),
                "--aftercare.broker.embedded.acceptor=tcp://localhost:" + brokerPort + "?protocols=CORE,AMQP",
                "--spring.artemis.broker-url=tcp://localhost:" + brokerPort,
                "--aftercare.directory.poll-delay=1s",
                "--aftercare.directory.poll-interval=1h",
                "--aftercare.directory.feeds[0].name=unreachable",
                "--aftercare.directory.feeds[0].format=bmlt",
                "--aftercare.directory.feeds[0].program=na",
                "--aftercare.directory.feeds[0].region=US-NY",
                "--aftercare.directory.feeds[0].uri=http://localhost:" + Broker.freePort() + "/nothing",
                "--aftercare.directory.feeds[1].name=tupelo-aa",
                "--aftercare.directory.feeds[1].format=meeting-guide",
                "--aftercare.directory.feeds[1].program=aa",
                "--aftercare.directory.feeds[1].region=US-MS",
                "--aftercare.directory.feeds[1].uri=" + file,
                "--aftercare.directory.feeds[2].name=gnyr-na",
                "--aftercare.directory.feeds[2].format=bmlt",
                "--aftercare.directory.feeds[2].program=na",
                "--aftercare.directory.feeds[2].region=US-NY",
                "--aftercare.directory.feeds[2].uri=http://localhost:" + bmlt.getAddress().getPort() + "/bmlt");
    jdbc = service.getBean(JdbcClient.class);
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
    bmlt.stop(0);
  }

  @Test
  void fileAndHttpSourcesAreImportedAndABrokenOneDoesNotStopThem() throws InterruptedException {
    for (int i = 0; i < 300 && (active("meeting-guide:tupelo-aa") < 23 || active("bmlt:gnyr-na") < 1513); i++) {
      Thread.sleep(100); // waiting for the first poll, up to 30 s; not a timing assertion
    }
    assertThat(active("meeting-guide:tupelo-aa")).isEqualTo(23);
    assertThat(active("bmlt:gnyr-na")).isEqualTo(1513);
    assertThat(jdbc.sql("select count(*) from peer_group where source = 'bmlt:unreachable'").query(Integer.class).single()).isZero();
    assertThat(jdbc.sql("select distinct region from peer_group where source = 'bmlt:gnyr-na'").query(String.class).list())
        .containsExactly("US-NY");
  }

  private static int active(String source) {
    return jdbc.sql("select count(*) from peer_group where source = ? and active = true").param(source).query(Integer.class).single();
  }

  /** A BMLT server answering GetSearchResults&get_used_formats=1 with the real GNYR sample. */
  private static HttpServer bmltServer() {
    try {
      byte[] body =
          ("{\"meetings\": " + Files.readString(FEEDS.resolve("bmlt-sample-gnyr-GetSearchResults.json"))
                  + ", \"formats\": " + Files.readString(FEEDS.resolve("bmlt-sample-gnyr-GetFormats.json")) + "}")
              .getBytes(StandardCharsets.UTF_8);
      HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
      server.createContext("/bmlt", exchange -> {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
      });
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
