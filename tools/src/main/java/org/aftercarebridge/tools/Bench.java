package org.aftercarebridge.tools;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Connection;
import jakarta.jms.Session;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aftercarebridge.profiles.AftercareProfiles;
import org.aftercarebridge.profiles.ProfileValidator;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.hl7.fhir.r4.model.Bundle;

/**
 * End-to-end benchmark against a running service: posts N discharge notifications (the Da Vinci
 * example with fresh message ids and a different patient each time) at a fixed concurrency, drains
 * {@code aftercare.referrals} with a real consumer, and reports throughput, latency percentiles, errors
 * and referrals received against events accepted. In the same run it measures the floors: the bare
 * HAPI JSON parse rate of the same bundle, and parse + profile validation, in this process.
 */
final class Bench {

  private static final Pattern TASK_ID = Pattern.compile("Task/([0-9a-f-]{36})");
  private static final String BUNDLE_ID = "discharge-notification-message-bundle-01";
  private static final String HEADER_ID = "df0bb058-e0bb-11ea-a11a-864d2e68a322";
  private static final String PATIENT_ID = "06e1f0dd-5fbe-4480-9bb4-6b54ec02d31b";

  private Bench() {}

  static void run(Options options) throws Exception {
    String base = options.get("base", "http://localhost:8080");
    String broker = options.get("broker", "tcp://localhost:61616");
    int events = options.getInt("events", 2000);
    int warmup = options.getInt("warmup", 200);
    int concurrency = options.getInt("concurrency", 8);
    double rate = Double.parseDouble(options.get("rate", "0")); // events/s; 0: as fast as `concurrency` senders go
    // with a Part 2 consent: a discharge without one is held, never announced
    ca.uhn.fhir.context.FhirContext fhirContext = AftercareProfiles.newFhirContext();
    String example = fhirContext.newJsonParser().encodeResourceToString(
        org.aftercarebridge.profiles.GuideExamples.dischargeWithConsent(fhirContext, java.time.Instant.now()));

    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String token = token(http, base, options.get("client", "clinic-ehr"), options.get("secret", "dev-only-clinic-ehr-secret"));
    Map<String, Long> received = new ConcurrentHashMap<>();

    try (ActiveMQConnectionFactory factory =
            new ActiveMQConnectionFactory(broker, options.get("user", "coordinator-dev"), options.get("password", "dev-only-coordinator-broker-secret"));
        Connection connection = factory.createConnection()) {
      Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
      session
          .createConsumer(session.createQueue("aftercare.referrals"))
          .setMessageListener(message -> {
            try {
              received.put(message.getStringProperty("taskId"), System.nanoTime());
            } catch (jakarta.jms.JMSException e) {
              throw new IllegalStateException(e);
            }
          });
      connection.start();

      URI processMessage = URI.create(base + "/fhir/$process-message");
      post(http, processMessage, token, variants(example, warmup), concurrency, 0);
      Run run = measured(http, processMessage, token, variants(example, events), concurrency, rate, received);
      report(options, run, received, events, warmup, concurrency, rate);
      if (options.flag("half-peak") && rate == 0) {
        // the latency target is set at half the peak just measured, at a fixed arrival rate
        double half = run.acceptedTaskIds().size() / (run.wallNanos / 1e9) / 2;
        Run paced = measured(http, processMessage, token, variants(example, events), concurrency, half, received);
        report(options, paced, received, events, 0, concurrency, half);
      }
      floors(http, example, concurrency, Math.min(events, 5000));
    }
  }

  /** One measured run, and the wait (at most a minute) for its referrals to reach the consumer. */
  private static Run measured(HttpClient http, URI target, String token, List<String> bodies, int concurrency, double rate,
      Map<String, Long> received) throws InterruptedException {
    Run run = post(http, target, token, bodies, concurrency, rate);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!received.keySet().containsAll(run.acceptedTaskIds()) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    return run;
  }

  private record Run(long[] latencies, long[] sentAt, String[] taskIds, int errors, long wallNanos) {
    List<String> acceptedTaskIds() {
      return Arrays.stream(taskIds).filter(id -> id != null).toList();
    }
  }

  /** Every request body is made before the clock starts, so the generator costs the service nothing. */
  private static List<String> variants(String example, int count) {
    List<String> bodies = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      bodies.add(
          example
              .replace(BUNDLE_ID, UUID.randomUUID().toString())
              .replace(HEADER_ID, UUID.randomUUID().toString())
              .replace(PATIENT_ID, UUID.randomUUID().toString()));
    }
    return bodies;
  }

  /**
   * Posts every body: with {@code rate} 0, {@code concurrency} senders one request after the other
   * (closed loop: the peak); with a rate, request i is due at {@code i / rate} seconds whatever the
   * service's answers (open loop), at most {@code concurrency} at once, and its latency counts from when
   * it was due, so time spent waiting behind a slow answer is not hidden (no coordinated omission).
   */
  private static Run post(HttpClient http, URI target, String token, List<String> bodies, int concurrency, double rate)
      throws InterruptedException {
    int n = bodies.size();
    long[] latencies = new long[n];
    long[] sentAt = new long[n];
    String[] taskIds = new String[n];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    Map<String, String> firstErrors = new ConcurrentHashMap<>();
    int senders = rate > 0 ? Math.max(concurrency, 64) : concurrency;
    ExecutorService workers = Executors.newFixedThreadPool(senders);
    long start = System.nanoTime();
    for (int w = 0; w < senders; w++) {
      workers.execute(() -> {
        for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
          HttpRequest.Builder request = HttpRequest.newBuilder(target)
              .header("Content-Type", "application/fhir+json")
              .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i)));
          if (token != null) {
            request.header("Authorization", "Bearer " + token);
          }
          sentAt[i] = rate > 0 ? start + (long) (i * 1e9 / rate) : System.nanoTime();
          long wait = sentAt[i] - System.nanoTime();
          if (wait > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(wait);
          }
          try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            latencies[i] = System.nanoTime() - sentAt[i];
            Matcher matcher = TASK_ID.matcher(response.body());
            if (response.statusCode() == 200 && (token == null || matcher.find())) {
              taskIds[i] = token == null ? "" : matcher.group(1);
            } else {
              errors.incrementAndGet();
              firstErrors.putIfAbsent("HTTP " + response.statusCode(), response.body());
            }
          } catch (Exception e) {
            latencies[i] = System.nanoTime() - sentAt[i];
            errors.incrementAndGet();
            firstErrors.putIfAbsent(e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
          }
        }
      });
    }
    workers.shutdown();
    workers.awaitTermination(1, TimeUnit.HOURS);
    firstErrors.forEach((kind, body) -> System.out.printf(Locale.ROOT, "  error %s, first: %.300s%n", kind, body));
    return new Run(latencies, sentAt, taskIds, errors.get(), System.nanoTime() - start);
  }

  /**
   * The floors, measured in this process on the same bundle after the load: bare HAPI JSON parse, and
   * parse + full profile validation with the service's own validator.
   */
  private static void floors(HttpClient http, String example, int concurrency, int events) throws Exception {
    FhirContext fhir = AftercareProfiles.newFhirContext();
    try (ParseOnlyEndpoint endpoint = ParseOnlyEndpoint.start(fhir)) {
      post(http, endpoint.uri(), null, variants(example, 500), concurrency, 0);
      Run run = post(http, endpoint.uri(), null, variants(example, events), concurrency, 0);
      System.out.printf(Locale.ROOT, "  floor: parse-only HTTP endpoint (JDK server + HAPI parse, same client) %8.0f/s at concurrency %d%n",
          run.acceptedTaskIds().size() / (run.wallNanos / 1e9), concurrency);
    }
    Runnable parse = () -> fhir.newJsonParser().parseResource(Bundle.class, example);
    ProfileValidator validator = ProfileValidator.create(fhir);
    validator.warmUp();
    Runnable parseAndValidate = () -> {
      parse.run();
      validator.validate(example, AftercareProfiles.DISCHARGE_NOTIFICATION);
    };
    System.out.printf(Locale.ROOT, "  floor: bare HAPI JSON parse of the same bundle  %8.0f/s on 1 thread, %8.0f/s on %d threads%n",
        rate(parse, 1), rate(parse, concurrency), concurrency);
    System.out.printf(Locale.ROOT, "  floor: parse + profile validation              %8.1f/s on 1 thread, %8.1f/s on %d threads%n",
        rate(parseAndValidate, 1), rate(parseAndValidate, concurrency), concurrency);
  }

  /** Completed runs of {@code work} per second on {@code threads} threads (1 s warm-up, 3 s measured). */
  private static double rate(Runnable work, int threads) throws InterruptedException {
    AtomicLong done = new AtomicLong();
    ExecutorService workers = Executors.newFixedThreadPool(threads);
    long warmupEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
    long measureEnd = warmupEnd + TimeUnit.SECONDS.toNanos(3);
    for (int t = 0; t < threads; t++) {
      workers.execute(() -> {
        while (System.nanoTime() < measureEnd) {
          work.run();
          if (System.nanoTime() > warmupEnd) {
            done.incrementAndGet();
          }
        }
      });
    }
    workers.shutdown();
    workers.awaitTermination(1, TimeUnit.MINUTES);
    return done.get() / 3.0;
  }

  private static void report(Options options, Run run, Map<String, Long> received, int events, int warmup, int concurrency, double rate) {
    List<String> accepted = run.acceptedTaskIds();
    long[] toQueue = new long[accepted.size()];
    int k = 0;
    for (int i = 0; i < run.taskIds.length; i++) {
      Long at = run.taskIds[i] == null ? null : received.get(run.taskIds[i]);
      if (at != null) {
        toQueue[k++] = at - run.sentAt[i];
      }
    }
    long[] endToEnd = Arrays.copyOf(toQueue, k);
    double throughput = accepted.size() / (run.wallNanos / 1e9);
    int referralsReceived = (int) accepted.stream().filter(received::containsKey).count();
    System.out.printf(Locale.ROOT, "Aftercare Bridge benchmark, %s, %s%n", Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
        options.get("label", "profile validation on"));
    System.out.printf(Locale.ROOT, "  service %s, broker %s, %d events after %d warm-up, %s%n",
        options.get("base", "http://localhost:8080"), options.get("broker", "tcp://localhost:61616"), events, warmup,
        rate > 0 ? String.format(Locale.ROOT, "fixed arrival rate %.0f/s (latency from when each was due)", rate) : "concurrency " + concurrency);
    System.out.printf(Locale.ROOT, "  accepted %d/%d, errors %d, referrals received %d (%s accepted)%n",
        accepted.size(), events, run.errors, referralsReceived, referralsReceived == accepted.size() ? "=" : "!=");
    System.out.printf(Locale.ROOT, "  throughput           %8.1f events/s%n", throughput);
    System.out.printf(Locale.ROOT, "  HTTP answer    ms    %s%n", percentiles(run.latencies));
    System.out.printf(Locale.ROOT, "  on the queue   ms    %s%n", percentiles(endToEnd));
  }

  private static String percentiles(long[] nanos) {
    if (nanos.length == 0) {
      return "(none)";
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return String.format(Locale.ROOT, "p50 %7.1f  p95 %7.1f  p99 %7.1f  max %7.1f",
        ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
  }

  private static double ms(long[] sorted, double quantile) {
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }

  private static String token(HttpClient http, String base, String client, String secret) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("token request failed: " + response.statusCode() + " " + response.body());
    }
    return new ObjectMapper().readTree(response.body()).get("access_token").asText();
  }
}
