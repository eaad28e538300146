package org.aftercarebridge.tools;

import ca.uhn.fhir.context.FhirContext;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hl7.fhir.r4.model.Bundle;

/**
 * The throughput floor the end-to-end figure is compared with: an HTTP endpoint on this machine that
 * only parses the posted Bundle with HAPI and answers a small OperationOutcome — no validation, no
 * security, no storage, no broker.
 */
final class ParseOnlyEndpoint implements AutoCloseable {

  private static final byte[] ANSWER =
      "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"information\",\"code\":\"informational\"}]}"
          .getBytes(StandardCharsets.UTF_8);

  private final HttpServer server;
  private final ExecutorService threads;

  private ParseOnlyEndpoint(HttpServer server, ExecutorService threads) {
    this.server = server;
    this.threads = threads;
  }

  static ParseOnlyEndpoint start(FhirContext fhir) throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true"); // else Nagle + delayed ACKs cap it at ~25 requests/s per connection
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
    server.createContext("/fhir/$process-message", exchange -> {
      try (InputStream body = exchange.getRequestBody()) {
        fhir.newJsonParser().parseResource(Bundle.class, new String(body.readAllBytes(), StandardCharsets.UTF_8));
        exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
        exchange.sendResponseHeaders(200, ANSWER.length);
        exchange.getResponseBody().write(ANSWER);
      } catch (RuntimeException e) {
        exchange.sendResponseHeaders(400, -1);
      } finally {
        exchange.close();
      }
    });
    ExecutorService threads = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors() * 4);
    server.setExecutor(threads);
    server.start();
    return new ParseOnlyEndpoint(server, threads);
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/fhir/$process-message");
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
