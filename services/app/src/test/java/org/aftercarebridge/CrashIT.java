package org.aftercarebridge;

import static org.aftercarebridge.support.Fixtures.asJson;
import static org.aftercarebridge.support.Fixtures.freshDischarge;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Message;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.aftercarebridge.referral.ReferralOutbox;
import org.aftercarebridge.support.Broker;
import org.aftercarebridge.support.FhirEvents;
import org.aftercarebridge.support.Hl7v2Messages;
import org.aftercarebridge.support.MllpClient;
import org.aftercarebridge.support.ServiceProcess;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

/**
 * Every accepted event makes exactly one referral message, whatever crashes. The packaged service
 * takes a load of FHIR and HL7 v2 discharges from concurrent senders and is killed with SIGKILL in
 * the middle of it. After a restart on the same data, the senders do what real ones do — send
 * again what was never acknowledged, and some acknowledged ones again too (a lost reply looks the
 * same to them) — and then the referrals in the database and the messages on the queue are counted
 * against the events: each acknowledged before the crash is there, each event once, each referral
 * announced exactly once.
 */
class CrashIT {

  private static final int FHIR_ACKED_BEFORE_KILL = 25;
  private static final int V2_ACKED_BEFORE_KILL = 5;
  private static final int FHIR_SENDERS = 3;

  /** FHIR events by Bundle.id: the exact text sent, and the Task the service named when it acknowledged. */
  private final FhirEvents fhir = new FhirEvents();
  private final Map<String, String> fhirSent = fhir.sent;
  private final Map<String, String> fhirAcked = fhir.acked;
  /** v2 events by MSH-10. */
  private final Map<String, String> v2Sent = new ConcurrentHashMap<>();
  private final Set<String> v2Acked = ConcurrentHashMap.newKeySet();
  /** Answers other than an acknowledgement or a dropped connection: each one a defect. */
  private final List<String> surprises = fhir.surprises;

  @Test
  void everyAcknowledgedEventIsOneReferralAndOneMessageAfterAKillInTheMiddleOfALoad() throws Exception {
    try (ServiceProcess service = ServiceProcess.fresh("crash-test").start()) {
      loadUntilKilled(service);
      Instant killed = Instant.now();
      assertThat(surprises).as("answers under load").isEmpty();
      assertThat(fhirAcked).as("FHIR events acknowledged before the kill").isNotEmpty();
      int unacknowledged = fhirSent.size() - fhirAcked.size() + v2Sent.size() - v2Acked.size();

      service.start();
      sendAgainWhatWasNotAcknowledgedAndSomeThatWas(service);
      claimsOfTheKilledInstanceRunOut(killed);
      List<Message> announced = drainReferralQueue(service);
      service.close();
      assertThat(surprises).as("answers after the restart").isEmpty();

      Map<String, List<String>> tasksByBundle = fhirReferralsInDatabase(service);
      assertThat(tasksByBundle.keySet()).as("one referral per FHIR event, no more, no less").isEqualTo(fhirSent.keySet());
      tasksByBundle.forEach((bundle, tasks) -> assertThat(tasks).as("referrals of " + bundle).hasSize(1));
      fhirAcked.forEach((bundle, task) ->
          assertThat(tasksByBundle.get(bundle)).as("the referral acknowledged before the kill").containsExactly(task));

      List<String> announcedTasks = announced.stream().map(m -> Broker.property(m, "taskId")).toList();
      assertThat(announcedTasks).as("no referral announced twice").doesNotHaveDuplicates();
      assertThat(Set.copyOf(announcedTasks)).as("every referral announced")
          .isEqualTo(tasksByBundle.values().stream().flatMap(List::stream).collect(Collectors.toSet()));

      Map<String, Integer> v2Referrals = v2ReferralsInDatabase(service);
      assertThat(v2Referrals.keySet()).as("one referral per v2 event").isEqualTo(v2Sent.keySet());
      v2Referrals.forEach((controlId, count) -> assertThat(count).as("referrals of MSH-10 " + controlId).isEqualTo(1));

      System.out.printf("Crash test: %d FHIR + %d v2 events, %d unacknowledged at the kill, %d referral messages%n",
          fhirSent.size(), v2Sent.size(), unacknowledged, announced.size());
    }
  }

  private void loadUntilKilled(ServiceProcess service) throws InterruptedException {
    String token = service.client().clinicToken();
    AtomicBoolean running = new AtomicBoolean(true);
    List<Thread> senders = new ArrayList<>();
    for (int i = 0; i < FHIR_SENDERS; i++) {
      senders.add(startThread(() -> {
        while (running.get()) {
          Bundle message = freshDischarge();
          String text = asJson(message);
          fhirSent.put(message.getIdPart(), text);
          fhir.post(service.client(), token, message.getIdPart());
        }
      }));
    }
    senders.add(startThread(() -> {
      while (running.get()) {
        String controlId = "CRASH-" + UUID.randomUUID().toString().substring(0, 8);
        String message = Hl7v2Messages.withControlId("adt-a03-v2.5.1.hl7", controlId);
        v2Sent.put(controlId, message);
        sendAndRecord(service.mllpPort, controlId, message);
      }
    }));
    long deadline = System.nanoTime() + 120_000_000_000L;
    while ((fhirAcked.size() < FHIR_ACKED_BEFORE_KILL || v2Acked.size() < V2_ACKED_BEFORE_KILL) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    service.kill();
    running.set(false);
    for (Thread sender : senders) {
      sender.join();
    }
  }

  private void sendAgainWhatWasNotAcknowledgedAndSomeThatWas(ServiceProcess service) {
    String token = service.client().clinicToken();
    List<String> fhirAgain = new ArrayList<>(fhirSent.keySet().stream().filter(id -> !fhirAcked.containsKey(id)).toList());
    fhirAgain.addAll(fhirAcked.keySet().stream().limit(5).toList());
    for (String bundleId : fhirAgain) {
      fhir.post(service.client(), token, bundleId);
      assertThat(fhirAcked).as("sent again after the restart: acknowledged").containsKey(bundleId);
    }
    List<String> v2Again = new ArrayList<>(v2Sent.keySet().stream().filter(id -> !v2Acked.contains(id)).toList());
    v2Again.addAll(v2Acked.stream().limit(2).toList());
    for (String controlId : v2Again) {
      sendAndRecord(service.mllpPort, controlId, v2Sent.get(controlId));
      assertThat(v2Acked).as("sent again after the restart: acknowledged").contains(controlId);
    }
  }

  private void sendAndRecord(int mllpPort, String controlId, String message) {
    try {
      String ack = MllpClient.send(mllpPort, message);
      if (ack != null && ack.contains("MSA|AA|" + controlId)) {
        v2Acked.add(controlId);
      } else if (ack != null) {
        surprises.add(ack);
      }
    } catch (RuntimeException killedMidRequest) {
      // no ACK: not acknowledged
    }
  }

  private static Thread startThread(Runnable sender) {
    Thread thread = new Thread(sender, "crash-test-sender");
    thread.start();
    return thread;
  }

  /**
   * Announcements the killed instance was sending stay claimed until their claim runs out (one sender
   * at a time, see ReferralOutbox.claim); the sweep takes them then. Waits for that, not for a guess.
   */
  private static void claimsOfTheKilledInstanceRunOut(Instant killed) throws InterruptedException {
    Duration left = Duration.between(Instant.now(), killed.plus(ReferralOutbox.CLAIM));
    if (!left.isNegative()) {
      Thread.sleep(left.toMillis());
    }
  }

  /** Everything on the referrals queue once the outbox has gone quiet (8 s without a message). */
  private static List<Message> drainReferralQueue(ServiceProcess service) {
    return Broker.receiveAll(service.brokerUrl(), Broker.COORDINATOR_USER, Broker.COORDINATOR_PASSWORD, "aftercare.referrals", null, 8000);
  }

  private static Map<String, List<String>> fhirReferralsInDatabase(ServiceProcess service) throws SQLException {
    Map<String, List<String>> tasks = new HashMap<>();
    try (Connection db = service.database();
        ResultSet rows = db.createStatement().executeQuery("select source_bundle_id, task_id from referral where source_sender not like 'mllp|%'")) {
      while (rows.next()) {
        tasks.computeIfAbsent(rows.getString(1), b -> new ArrayList<>()).add(rows.getString(2));
      }
    }
    return tasks;
  }

  private Map<String, Integer> v2ReferralsInDatabase(ServiceProcess service) throws SQLException {
    Map<String, Integer> referrals = new HashMap<>();
    try (Connection db = service.database();
        ResultSet rows = db.createStatement().executeQuery(
            "select h.message from referral r join referral_held h on h.referral_id = r.id where r.source_sender like 'mllp|%'")) {
      int rowCount = 0;
      while (rows.next()) {
        rowCount++;
        String message = rows.getString(1);
        v2Sent.keySet().stream().filter(id -> message.contains("\"" + id + "\"")).forEach(id -> referrals.merge(id, 1, Integer::sum));
      }
      assertThat(rowCount).as("v2 referrals in all").isEqualTo(v2Sent.size());
    }
    return referrals;
  }
}
