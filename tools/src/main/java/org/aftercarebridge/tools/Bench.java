package org.aftercarebridge.tools;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Session;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.aftercarebridge.profiles.AftercareProfiles;
import org.aftercarebridge.profiles.GuideExamples;
import org.aftercarebridge.profiles.ProfileValidator;
import org.apache.activemq.artemis.api.core.client.FailoverEventType;
import org.apache.activemq.artemis.jms.client.ActiveMQConnection;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.hl7.fhir.r4.model.Bundle;

/**
 * End-to-end benchmark against a running service: posts N discharge notifications (the Da Vinci
 * example with fresh message ids and a different patient each time) at a fixed concurrency or arrival
 * rate, drains {@code aftercare.referrals} with a real consumer, and reports throughput, latency
 * percentiles, errors and referrals received against events accepted; then the same for HL7 v2
 * ADT^A03 over MLLP ({@code --mllp host:port}). In the same run it measures the floors: a parse-only
 * HTTP endpoint, the bare HAPI JSON parse rate of the same bundle, and parse + profile validation.
 */
final class Bench {

  private static final String BUNDLE_ID = "discharge-notification-message-bundle-01";
  private static final String HEADER_ID = "df0bb058-e0bb-11ea-a11a-864d2e68a322";
  private static final String PATIENT_ID = "06e1f0dd-5fbe-4480-9bb4-6b54ec02d31b";

  private Bench() {}

  static void run(Options options) throws Exception {
    String base = options.get("base", "http://localhost:8080");
    String broker = options.get("broker", "tcp://localhost:61616");
    String mllp = options.get("mllp", "");
    int events = options.getInt("events", 2000);
    int warmup = options.getInt("warmup", 200);
    int concurrency = options.getInt("concurrency", 8);
    double rate = Double.parseDouble(options.get("rate", "0")); // events/s; 0: as fast as `concurrency` senders go
    // with a Part 2 consent: a discharge without one is held, never announced
    FhirContext fhirContext = AftercareProfiles.newFhirContext();
    String example = fhirContext.newJsonParser().encodeResourceToString(GuideExamples.dischargeWithConsent(fhirContext, Instant.now()));

    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String token = token(http, base, options.get("client", "clinic-ehr"), options.get("secret", "dev-only-clinic-ehr-secret"));
    Map<String, Long> received = new ConcurrentHashMap<>();

    // the consumer reconnects if its connection drops (a reset under load would otherwise read as lost
    // referrals: they would wait on the queue), and every drop is reported
    String reconnecting = broker + (broker.contains("?") ? "&" : "?") + "reconnectAttempts=-1&retryInterval=100";
    try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(
            reconnecting, options.get("user", "coordinator-dev"), options.get("password", "dev-only-coordinator-broker-secret"));
        ActiveMQConnection connection = (ActiveMQConnection) factory.createConnection()) {
      connection.setFailoverListener(event -> {
        if (event == FailoverEventType.FAILURE_DETECTED) {
          System.out.println("  (the consumer's broker connection failed; reconnecting)");
        }
      });
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

      Supplier<Channel> fhir = () -> Channel.http(http, URI.create(base + "/fhir/$process-message"), token);
      post(fhir, fhirVariants(example, warmup), concurrency, 0);
      double peak = fhirRun(options, fhir, fhirVariants(example, events), concurrency, rate, received);
      if (options.flag("half-peak") && rate == 0) {
        // the latency target is set at half the peak just measured, at a fixed arrival rate
        fhirRun(options, fhir, fhirVariants(example, events), concurrency, peak / 2, received);
      }
      if (!mllp.isEmpty()) {
        String[] hostPort = mllp.split(":");
        Supplier<Channel> v2 = () -> Channel.mllp(hostPort[0], Integer.parseInt(hostPort[1]));
        HeldMeter held = new HeldMeter(http, base, token(http, base, "prometheus", options.get("metrics-secret", "dev-only-prometheus-secret")));
        String a03 = resource("/bench/adt-a03-v2.5.1.hl7");
        post(v2, v2Variants(a03, warmup), concurrency, 0);
        double v2Peak = v2Run(options, v2, v2Variants(a03, events), concurrency, rate, held);
        if (options.flag("half-peak") && rate == 0) {
          v2Run(options, v2, v2Variants(a03, events), concurrency, v2Peak / 2, held);
        }
      }
      floors(http, example, concurrency, Math.min(events, 5000), peak, rate == 0 ? "at the peak" : "at the fixed rate");
    }
  }

  /**
   * Discharge notifications over HTTP, and the wait (at most a minute) for their referrals to reach the
   * consumer; the events/s it reached.
   */
  private static double fhirRun(Options options, Supplier<Channel> fhir, List<String> bodies, int concurrency, double rate,
      Map<String, Long> received) throws InterruptedException {
    Run run = post(fhir, bodies, concurrency, rate);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!received.keySet().containsAll(run.accepted()) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    long[] toQueue = new long[run.taskIds.length];
    int k = 0;
    for (int i = 0; i < run.taskIds.length; i++) {
      Long at = run.taskIds[i] == null ? null : received.get(run.taskIds[i]);
      if (at != null) {
        toQueue[k++] = at - run.sentAt[i];
      }
    }
    report(options, "FHIR $process-message over HTTP", run, concurrency, rate,
        k + " referrals received on aftercare.referrals", k, Arrays.copyOf(toQueue, k));
    return run.throughput();
  }

  /**
   * ADT^A03 over MLLP. v2 carries no Part 2 consent, so each accepted discharge becomes a referral
   * held for consent and nothing is announced: the count to compare is the service's own intake meter.
   */
  private static double v2Run(Options options, Supplier<Channel> v2, List<String> messages, int concurrency, double rate,
      HeldMeter held) throws Exception {
    double before = held.read();
    // one connection per sender, never more than `concurrency`: interface engines keep a few open, and
    // the service takes 20 at once (connections beyond that are closed unanswered)
    Run run = send(v2, messages, rate, concurrency);
    int referrals = (int) (held.read() - before);
    report(options, "HL7 v2 ADT^A03 over MLLP", run, concurrency, rate,
        referrals + " referrals held for consent (intake meter; v2 brings no consent, nothing announced)", referrals, null);
    return run.throughput();
  }

  private record Run(long[] latencies, long[] sentAt, String[] taskIds, int errors, long wallNanos) {
    List<String> accepted() {
      return Arrays.stream(taskIds).filter(id -> id != null).toList();
    }

    double throughput() {
      return accepted().size() / (wallNanos / 1e9);
    }
  }

  /** Every request body is made before the clock starts, so the generator costs the service nothing. */
  private static List<String> fhirVariants(String example, int count) {
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

  /** The ADT^A03 with a control id (MSH-10) and medical record number of its own each time. */
  private static List<String> v2Variants(String a03, int count) {
    List<String> messages = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String unique = UUID.randomUUID().toString().replace("-", "");
      messages.add(a03.replace("|V251-0001|", "|B" + unique.substring(0, 19) + "|").replace("MRN-1042", "MRN-" + unique.substring(19, 27)));
    }
    return messages;
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = Bench.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\r").replace('\n', '\r');
    }
  }

  /** The service's count of v2 discharges held for consent, read from /actuator/prometheus. */
  private record HeldMeter(HttpClient http, String base, String token) {
    double read() throws IOException, InterruptedException {
      HttpResponse<String> response = http.send(
          HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus")).header("Authorization", "Bearer " + token).build(),
          HttpResponse.BodyHandlers.ofString());
      return response.body().lines()
          .filter(line -> line.startsWith("aftercare_intake_events_total{") && line.contains("source=\"hl7v2\"") && line.contains("outcome=\"held\""))
          .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
          .sum();
    }
  }

  /**
   * Sends every body: with {@code rate} 0, {@code concurrency} senders one event after the other
   * (closed loop: the peak); with a rate, event i is due at {@code i / rate} seconds whatever the
   * service's answers (open loop), with up to max(concurrency, 64) senders so that a slow answer does
   * not hold back the next event due, and its latency counts from when it was due, so time spent
   * waiting behind a slow answer is not hidden (no coordinated omission).
   */
  private static Run post(Supplier<Channel> channels, List<String> bodies, int concurrency, double rate)
      throws InterruptedException {
    return send(channels, bodies, rate, rate > 0 ? Math.max(concurrency, 64) : concurrency);
  }

  /** As above with this many senders, each with a channel of its own. */
  private static Run send(Supplier<Channel> channels, List<String> bodies, double rate, int senders)
      throws InterruptedException {
    int n = bodies.size();
    long[] latencies = new long[n];
    long[] sentAt = new long[n];
    String[] taskIds = new String[n];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    Map<String, String> firstErrors = new ConcurrentHashMap<>();
    ExecutorService workers = Executors.newFixedThreadPool(senders);
    long start = System.nanoTime();
    for (int w = 0; w < senders; w++) {
      workers.execute(() -> {
        try (Channel channel = channels.get()) {
          for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
            sentAt[i] = rate > 0 ? start + (long) (i * 1e9 / rate) : System.nanoTime();
            long wait = sentAt[i] - System.nanoTime();
            if (wait > 0) {
              LockSupport.parkNanos(wait);
            }
            Channel.Answer answer;
            try {
              answer = channel.send(bodies.get(i));
            } catch (Exception e) {
              answer = Channel.Answer.error(e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
            }
            latencies[i] = System.nanoTime() - sentAt[i];
            if (answer.accepted()) {
              taskIds[i] = answer.taskId();
            } else {
              errors.incrementAndGet();
              firstErrors.putIfAbsent(answer.errorKind(), answer.errorBody());
            }
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
    workers.shutdown();
    workers.awaitTermination(1, TimeUnit.HOURS);
    firstErrors.forEach((kind, body) -> System.out.printf(Locale.ROOT, "  error %s, first: %.300s%n", kind, body));
    return new Run(latencies, sentAt, taskIds, errors.get(), System.nanoTime() - start);
  }

  /**
   * The floors, measured in this process on the same bundle after the load: a parse-only HTTP endpoint,
   * bare HAPI JSON parse, and parse + full profile validation with the service's own validator; and
   * the FHIR peak as a fraction of them.
   */
  private static void floors(HttpClient http, String example, int concurrency, int events, double fhirRate, String which)
      throws Exception {
    FhirContext fhir = AftercareProfiles.newFhirContext();
    double parseOnlyRate;
    try (ParseOnlyEndpoint endpoint = ParseOnlyEndpoint.start(fhir)) {
      Supplier<Channel> parseOnly = () -> Channel.http(http, endpoint.uri(), null);
      post(parseOnly, fhirVariants(example, 500), concurrency, 0);
      parseOnlyRate = post(parseOnly, fhirVariants(example, events), concurrency, 0).throughput();
      System.out.printf(Locale.ROOT, "  floor: parse-only HTTP endpoint (JDK server + HAPI parse, same client) %8.0f/s at concurrency %d%n",
          parseOnlyRate, concurrency);
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
    double validated = rate(parseAndValidate, concurrency);
    System.out.printf(Locale.ROOT, "  floor: parse + profile validation              %8.1f/s on 1 thread, %8.1f/s on %d threads%n",
        rate(parseAndValidate, 1), validated, concurrency);
    System.out.printf(Locale.ROOT, "  FHIR end to end %s: %.1f %% of the parse-only endpoint, %.0f %% of parse + validation on %d threads%n",
        which, 100 * fhirRate / parseOnlyRate, 100 * fhirRate / validated, concurrency);
  }

  /** Completed runs of {@code work} per second on {@code threads} threads (2 s warm-up, 4 s measured). */
  private static double rate(Runnable work, int threads) throws InterruptedException {
    AtomicLong done = new AtomicLong();
    ExecutorService workers = Executors.newFixedThreadPool(threads);
    long warmupEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    long measureEnd = warmupEnd + TimeUnit.SECONDS.toNanos(4);
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
    return done.get() / 4.0;
  }

  private static void report(Options options, String channel, Run run, int concurrency, double rate, String referralsLine,
      int referrals, long[] toQueue) {
    int accepted = run.accepted().size();
    System.out.printf(Locale.ROOT, "Aftercare Bridge benchmark, %s, %s: %s%n", Instant.now().truncatedTo(ChronoUnit.SECONDS),
        options.get("label", "profile validation on"), channel);
    System.out.printf(Locale.ROOT, "  %d events, %s%n", run.taskIds.length,
        rate > 0 ? String.format(Locale.ROOT, "fixed arrival rate %.0f/s (latency from when each was due)", rate) : "concurrency " + concurrency);
    System.out.printf(Locale.ROOT, "  accepted %d/%d, errors %d, %s (%s accepted)%n",
        accepted, run.taskIds.length, run.errors, referralsLine, referrals == accepted ? "=" : "!=");
    System.out.printf(Locale.ROOT, "  throughput           %8.1f events/s%n", run.throughput());
    System.out.printf(Locale.ROOT, "  answer         ms    %s%n", percentiles(run.latencies));
    if (toQueue != null) {
      System.out.printf(Locale.ROOT, "  on the queue   ms    %s%n", percentiles(toQueue));
    }
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
