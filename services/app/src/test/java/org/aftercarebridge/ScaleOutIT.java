package org.aftercarebridge;

import static org.aftercarebridge.support.Fixtures.asJson;
import static org.aftercarebridge.support.Fixtures.dischargedAt;
import static org.aftercarebridge.support.Fixtures.freshDischarge;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.jms.Message;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.aftercarebridge.referral.ReferralOutbox;
import org.aftercarebridge.support.Broker;
import org.aftercarebridge.support.Eventually;
import org.aftercarebridge.support.ExternalIssuer;
import org.aftercarebridge.support.FhirEvents;
import org.aftercarebridge.support.Hl7v2Messages;
import org.aftercarebridge.support.MllpClient;
import org.aftercarebridge.support.Outbox;
import org.aftercarebridge.support.ServiceClient;
import org.aftercarebridge.support.ServiceProcess;
import org.aftercarebridge.support.StandaloneArtemis;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Scale-out on one machine: two instances of the packaged service in production mode against one
 * PostgreSQL and one standalone Artemis broker (the distribution from Maven Central, configured with
 * the Helm chart's broker.xml), as the chart deploys them. In order: discharges spread over both
 * (copies raced to both make one referral); coordinators' Task updates on the queue are shared by
 * the two consumers; then one instance is killed in the middle of a load and the other carries on.
 * At the end every count is checked: one referral per event, each announced once, each follow-up
 * that came due published once (one scheduler at a time, across the kill), nothing lost.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT {

  private static final String SCHEMA = "scale_out_it";
  private static final String SERVICE_USER = "aftercare-scale-out";
  private static final String SERVICE_PASSWORD = "scale-out-broker-secret-for-test";
  private static final String COORDINATOR_USER = "coordinators-statewide";
  private static final String COORDINATOR_PASSWORD = "scale-out-coordinator-secret-for-test";
  private static final int FHIR_EVENTS = 30;
  private static final int V2_EVENTS = 6;
  private static final int RACED_COPIES = 5;

  private static StandaloneArtemis broker;
  private static ExternalIssuer issuer;
  private static ServiceProcess first;
  private static ServiceProcess second;
  private static JdbcClient jdbc;

  /** FHIR events by Bundle.id: the text sent and the Task acknowledged (once acknowledged). */
  private static final FhirEvents fhir = new FhirEvents();
  private static final Map<String, String> fhirSent = fhir.sent;
  private static final Map<String, String> fhirAcked = fhir.acked;
  private static final Set<String> v2Sent = ConcurrentHashMap.newKeySet();
  /** Referral messages taken off aftercare.referrals so far (by a coordinator's consumer). */
  private static final List<Message> announced = new ArrayList<>();
  private static final List<String> surprises = fhir.surprises;

  @BeforeAll
  static void startTheBrokerAndTwoInstances() throws Exception {
    jdbc = freshDatabase();
    broker = StandaloneArtemis.create("scale-out",
            Map.of(SERVICE_USER, SERVICE_PASSWORD, COORDINATOR_USER, COORDINATOR_PASSWORD),
            Map.of("service", List.of(SERVICE_USER), "coordinator", List.of(COORDINATOR_USER)))
        .start();
    issuer = ExternalIssuer.start();
    first = ServiceProcess.production("scale-out-1", settings());
    second = ServiceProcess.production("scale-out-2", settings());
    // both at once, as a Deployment's pods start (and race for the schema migration)
    ExecutorService starting = Executors.newFixedThreadPool(2);
    List<Future<ServiceProcess>> started = List.of(starting.submit(first::start), starting.submit(second::start));
    for (Future<ServiceProcess> instance : started) {
      instance.get();
    }
    starting.shutdown();
  }

  @AfterAll
  static void stopEverything() {
    for (AutoCloseable running : new AutoCloseable[] {first, second, issuer, broker}) {
      try {
        if (running != null) {
          running.close();
        }
      } catch (Exception e) {
        // stopping the rest regardless
      }
    }
  }

  @Test
  @Order(1)
  void dischargesSpreadOverBothInstancesAndRacedCopiesMakeOneReferral() throws Exception {
    List<ServiceProcess> instances = List.of(first, second);
    for (int i = 0; i < FHIR_EVENTS; i++) {
      send(instances.get(i % 2), discharge());
    }
    for (int i = 0; i < RACED_COPIES; i++) {
      Bundle copy = discharge();
      fhirSent.put(copy.getIdPart(), asJson(copy));
      ExecutorService racers = Executors.newFixedThreadPool(2);
      List<Future<?>> sent = List.of(
          racers.submit(() -> post(first, copy.getIdPart())), racers.submit(() -> post(second, copy.getIdPart())));
      for (Future<?> done : sent) {
        done.get();
      }
      racers.shutdown();
    }
    for (int i = 0; i < V2_EVENTS; i++) {
      String controlId = "SCALE-" + UUID.randomUUID().toString().substring(0, 8);
      v2Sent.add(controlId);
      String message = Hl7v2Messages.withControlId("adt-a03-v2.5.1.hl7", controlId);
      for (ServiceProcess instance : i % 3 == 0 ? instances : List.of(instances.get(i % 2))) { // some to both
        assertThat(MllpClient.send(instance.mllpPort, message)).contains("MSA|AA|" + controlId);
      }
    }
    assertThat(surprises).isEmpty();
    assertThat(fhirAcked).hasSize(FHIR_EVENTS + RACED_COPIES);

    // each instance took its share: its own intake counted events
    assertThat(intakeCount(first)).as("discharges taken by instance 1").isPositive();
    assertThat(intakeCount(second)).as("discharges taken by instance 2").isPositive();
    assertThat(referralsByEvent().values()).as("one referral per event").allMatch(count -> count == 1);
    assertThat(v2Referrals()).as("one referral per v2 event").isEqualTo(V2_EVENTS);
  }

  @Test
  @Order(2)
  void coordinatorsTaskUpdatesAreSharedByBothConsumersAndEachAppliedOnce() throws Exception {
    Outbox.awaitAllPublished(jdbc);
    announced.addAll(receiveReferrals(3000));
    assertThat(announced).as("the referrals of the first part, announced").hasSize(FHIR_EVENTS + RACED_COPIES);
    double before = taskUpdatesConsumed(first) + taskUpdatesConsumed(second);

    for (Message referral : announced) {
      Broker.send(broker.url(), COORDINATOR_USER, COORDINATOR_PASSWORD, "aftercare.task-updates", accepted(referral));
    }
    Set<String> tasks = announced.stream().map(m -> Broker.property(m, "taskId")).collect(Collectors.toSet());
    Eventually.await(() -> statusCount(tasks, "accepted") == tasks.size(), "every referral accepted through the queue");

    double byFirst = taskUpdatesConsumed(first);
    double bySecond = taskUpdatesConsumed(second);
    assertThat(byFirst).as("updates consumed by instance 1").isPositive();
    assertThat(bySecond).as("updates consumed by instance 2").isPositive();
    assertThat(byFirst + bySecond - before).as("each update consumed once").isEqualTo(tasks.size());
    assertThat(acceptedEvents(tasks)).as("one acceptance recorded per Task").isEqualTo(tasks.size());
    assertThat(Broker.receiveAll(broker.url(), SERVICE_USER, SERVICE_PASSWORD, "DLQ.aftercare.task-updates", null, 500))
        .as("no update refused").isEmpty();
  }

  @Test
  @Order(3)
  void killingOneInstanceInTheMiddleOfALoadLosesNothingAndDuplicatesNothing() throws Exception {
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger sentAfterKill = new AtomicInteger();
    List<Thread> senders = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Thread sender = new Thread(() -> {
        for (int n = 0; running.get(); n++) {
          Bundle message = discharge();
          fhirSent.put(message.getIdPart(), asJson(message));
          // a load balancer's choice; a request to the dead instance fails and is not acknowledged
          post(n % 2 == 0 ? first : second, message.getIdPart());
          if (!first.isAlive()) {
            sentAfterKill.incrementAndGet();
          }
        }
      }, "scale-out-sender-" + i);
      senders.add(sender);
      sender.start();
    }
    long acknowledgedBefore = fhirAcked.size();
    Eventually.await(() -> fhirAcked.size() >= acknowledgedBefore + 20, "a load going on");
    first.kill();
    Instant killed = Instant.now();
    Eventually.await(() -> sentAfterKill.get() >= 10, "the load going on after the kill");
    running.set(false);
    for (Thread sender : senders) {
      sender.join();
    }
    // the senders send again what was never acknowledged, to the instance that is left
    for (String bundleId : fhirSent.keySet()) {
      if (!fhirAcked.containsKey(bundleId)) {
        post(second, bundleId);
      }
    }
    assertThat(surprises).as("answers other than an acknowledgement or a dropped connection").isEmpty();
    assertThat(fhirAcked.keySet()).as("every event acknowledged in the end").isEqualTo(fhirSent.keySet());

    // what the killed instance was sending waits for its claims to run out (ReferralOutbox.CLAIM)
    Duration left = Duration.between(Instant.now(), killed.plus(ReferralOutbox.CLAIM));
    if (!left.isNegative()) {
      Thread.sleep(left.toMillis());
    }
    Outbox.awaitAllPublished(jdbc);
    announced.addAll(receiveReferrals(8000));

    Map<String, Integer> referrals = referralsByEvent();
    assertThat(referrals.keySet()).as("one referral per FHIR event, no more, no less").isEqualTo(fhirSent.keySet());
    assertThat(referrals.values()).allMatch(count -> count == 1);
    fhirAcked.forEach((bundle, task) -> assertThat(referralTask(bundle)).as("the Task acknowledged for " + bundle).isEqualTo(task));
    List<String> announcedTasks = announced.stream().map(m -> Broker.property(m, "taskId")).toList();
    assertThat(announcedTasks).as("no referral announced twice").doesNotHaveDuplicates();
    assertThat(Set.copyOf(announcedTasks)).as("every referral announced").isEqualTo(Set.copyOf(fhirAcked.values()));
    System.out.printf("Scale-out: %d FHIR events (%d raced copies), %d v2, %d referral messages; killed one instance,"
        + " %d events sent after the kill%n", fhirSent.size(), RACED_COPIES, v2Sent.size(), announced.size(), sentAfterKill.get());
  }

  @Test
  @Order(4)
  void everyFollowUpThatCameDueWasPublishedExactlyOnceAcrossTheKill() {
    // the discharges were 100 days ago: every follow-up of every referral is due, most overdue
    Eventually.await(() -> count("select count(*) from followup where state = 'planned'") == 0, "every follow-up out");
    Outbox.awaitAllPublished(jdbc);
    List<Message> followUps = Broker.receiveAll(broker.url(), COORDINATOR_USER, COORDINATOR_PASSWORD, "aftercare.followups", null, 5000);
    List<Message> escalations = Broker.receiveAll(broker.url(), COORDINATOR_USER, COORDINATOR_PASSWORD, "aftercare.escalations", null, 3000);

    long published = count("select count(*) from followup where task_id is not null");
    assertThat(published).as("follow-ups of every announced referral").isGreaterThanOrEqualTo(announced.size());
    assertThat(followUps).extracting(m -> Broker.property(m, "taskId")).as("no follow-up twice").doesNotHaveDuplicates();
    assertThat(followUps).as("one message per follow-up Task").hasSize((int) published);
    assertThat(count("select count(*) from referral_task where attempt = 0 and id in (select task_id from followup)"))
        .as("one Task per follow-up").isEqualTo(published);
    assertThat(escalations).extracting(m -> Broker.property(m, "taskId")).as("no escalation twice").doesNotHaveDuplicates();
    System.out.printf("Scale-out: %d follow-ups and %d escalations, each published once%n", followUps.size(), escalations.size());
  }

  // --- the instances' settings and what the test sends --------------------------------------------

  private static List<String> settings() {
    String url = System.getProperty("spring.datasource.url") + "?currentSchema=" + SCHEMA;
    return List.of(
        "--AFTERCARE_DB_URL=" + url,
        "--AFTERCARE_DB_USER=" + System.getProperty("spring.datasource.username"),
        "--AFTERCARE_DB_PASSWORD=" + System.getProperty("spring.datasource.password"),
        "--spring.flyway.schemas=" + SCHEMA,
        "--AFTERCARE_BROKER_URL=" + broker.url(),
        "--AFTERCARE_BROKER_USER=" + SERVICE_USER,
        "--AFTERCARE_BROKER_PASSWORD=" + SERVICE_PASSWORD,
        "--AFTERCARE_ISSUER_URI=" + ExternalIssuer.ISSUER,
        "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + issuer.jwksUri(),
        "--AFTERCARE_PSEUDONYM_KEY=scale-out-test-pseudonym-key-0123456789",
        "--AFTERCARE_FHIR_BASE_URL=" + ExternalIssuer.AUDIENCE,
        // no Kubernetes on this machine: the singleton routes take the database lease
        "--AFTERCARE_CLUSTER_LEASE=database",
        "--aftercare.cluster.lease-for=3s",
        "--aftercare.cluster.renew-every=500ms",
        "--aftercare.followups.poll-interval=1s",
        "--aftercare.referral.outbox.sweep-interval=1s",
        "--aftercare.referral.outbox.sweep-grace=2s",
        "--aftercare.referral.task-update-regions." + COORDINATOR_USER + "=*");
  }

  private static Bundle discharge() {
    Bundle message = freshDischarge();
    dischargedAt(message, Instant.now().minus(Duration.ofDays(100)));
    return message;
  }

  private static void send(ServiceProcess instance, Bundle message) {
    fhirSent.put(message.getIdPart(), asJson(message));
    post(instance, message.getIdPart());
  }

  /** Posts the event as a clinical system; a request to a dead instance is not acknowledged. */
  private static void post(ServiceProcess instance, String bundleId) {
    fhir.post(instance.client(), issuer.token("clinical-system"), bundleId);
  }

  /** The coordinators accept the referral: its Task, as announced, with the new status. */
  private static String accepted(Message referral) {
    String taskId = Broker.property(referral, "taskId");
    for (JsonNode entry : ServiceClient.json(Broker.text(referral)).get("entry")) {
      JsonNode resource = entry.get("resource");
      if ("Task".equals(resource.get("resourceType").asText()) && taskId.equals(resource.get("id").asText())) {
        return ((ObjectNode) resource.deepCopy()).put("status", "accepted").toString();
      }
    }
    throw new AssertionError("no Task " + taskId + " in its referral message");
  }

  private static List<Message> receiveReferrals(long quietMillis) {
    return Broker.receiveAll(broker.url(), COORDINATOR_USER, COORDINATOR_PASSWORD, "aftercare.referrals", null, quietMillis);
  }

  // --- what each instance reports, what the database holds ----------------------------------------

  private static double intakeCount(ServiceProcess instance) {
    return meter(instance, "aftercare_intake_events_total", "");
  }

  private static double taskUpdatesConsumed(ServiceProcess instance) {
    return meter(instance, "camel_exchanges_total", "routeId=\"task-updates-queue\"");
  }

  /** The sum of a meter's series on one instance's /actuator/prometheus (scraped as Prometheus would: the metrics role). */
  private static double meter(ServiceProcess instance, String name, String having) {
    HttpResponse<String> scrape = instance.client().get("/actuator/prometheus", issuer.token("metrics"), "text/plain");
    assertThat(scrape.statusCode()).as(scrape.body()).isEqualTo(200);
    Matcher series = Pattern.compile("(?m)^" + name + "\\{([^}]*)\\} (\\S+)$").matcher(scrape.body());
    double sum = 0;
    while (series.find()) {
      if (series.group(1).contains(having)) {
        sum += Double.parseDouble(series.group(2));
      }
    }
    return sum;
  }

  private static Map<String, Integer> referralsByEvent() {
    Map<String, Integer> referrals = new HashMap<>();
    jdbc.sql("select source_bundle_id from referral where source_sender not like 'mllp|%'").query(String.class).list()
        .forEach(bundle -> referrals.merge(bundle, 1, Integer::sum));
    return referrals;
  }

  private static String referralTask(String bundleId) {
    return jdbc.sql("select task_id from referral where source_bundle_id = ?").param(bundleId).query(String.class).single();
  }

  private static long v2Referrals() {
    return count("select count(*) from referral where source_sender like 'mllp|%'");
  }

  private static long statusCount(Set<String> tasks, String status) {
    return jdbc.sql("select count(*) from referral_task where status = :status and id in (:tasks)")
        .param("status", status).param("tasks", tasks).query(Long.class).single();
  }

  private static long acceptedEvents(Set<String> tasks) {
    return jdbc.sql("select count(*) from referral_event where to_status = 'accepted' and task_id in (:tasks)")
        .param("tasks", tasks).query(Long.class).single();
  }

  private static long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  /** The instances' database, from a fresh schema. */
  private static JdbcClient freshDatabase() {
    String url = System.getProperty("spring.datasource.url", "");
    assertThat(url).as("ScaleOutIT needs the PostgreSQL pass (scripts/test)").startsWith("jdbc:postgresql:");
    DriverManagerDataSource database = new DriverManagerDataSource(url + "?currentSchema=" + SCHEMA,
        System.getProperty("spring.datasource.username"), System.getProperty("spring.datasource.password"));
    JdbcClient client = JdbcClient.create(database);
    client.sql("drop schema if exists " + SCHEMA + " cascade").update();
    return client;
  }
}
