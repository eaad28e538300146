package org.aftercarebridge.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A referring clinic's FHIR endpoint: takes {@code PUT /fhir/Task/{id}} and remembers what it got;
 * can be told to fail the next requests, or every request, with 503.
 */
public final class ClinicEndpointStub {

  /** A Task update as received. */
  public record Received(String taskId, String body) {}

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger failNext = new AtomicInteger();
  private final AtomicBoolean down = new AtomicBoolean();

  public ClinicEndpointStub() {
    try {
      server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/fhir/Task/", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      boolean fail = down.get() || failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
      if (!fail && "PUT".equals(exchange.getRequestMethod())) {
        String path = exchange.getRequestURI().getPath();
        received.add(new Received(path.substring(path.lastIndexOf('/') + 1), new String(body, StandardCharsets.UTF_8)));
      }
      byte[] answer = fail ? new byte[0] : body;
      exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
      exchange.sendResponseHeaders(fail ? 503 : 200, answer.length == 0 ? -1 : answer.length);
      if (answer.length > 0) {
        exchange.getResponseBody().write(answer);
      }
      exchange.close();
    });
    server.start();
  }

  public String baseUrl() {
    return "http://localhost:" + server.getAddress().getPort() + "/fhir";
  }

  public List<Received> received(String taskId) {
    return received.stream().filter(r -> r.taskId().equals(taskId)).toList();
  }

  public void failNext(int requests) {
    failNext.set(requests);
  }

  public void down(boolean isDown) {
    down.set(isDown);
  }
}
