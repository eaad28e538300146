package org.aftercarebridge.deadletter;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.aftercarebridge.broker.BrokerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * What could not be processed after its bounded attempts waits in a dead-letter queue
 * ({@code DLQ.<queue>}) with the reason: the broker puts there what consumers gave back too often,
 * the routes what they refused or gave up on. From here an operator lists them, opens one, sends it
 * back where it came from to be processed again, or discards it; what nobody took care of within
 * {@code aftercare.broker.dead-letter-retention} is purged (dead letters hold PHI: not forever).
 *
 * <p>Each operation is one transacted JMS session: a letter re-sent is removed from the
 * dead-letter queue in the same commit, so it is neither lost nor doubled.
 */
@Service
public class DeadLetters {

  private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
  static final String PREFIX = "DLQ.";
  /** The route-side reason; broker-side dead letters have none but their delivery count. */
  static final String REASON = "reason";
  private static final Pattern MESSAGE_ID = Pattern.compile("[0-9a-fA-F-]{1,64}");
  private static final int MAX_LISTED = 500;

  /** What a letter is, without its content (which may hold PHI). */
  public record Letter(String id, String queue, String origin, String reason, Instant sentAt, String taskId) {}

  /** A letter with its content and properties. */
  public record Opened(Letter letter, String body, Map<String, Object> properties) {}

  private final ConnectionFactory connections;
  private final List<String> queues;
  private final Duration retention;
  private final Clock clock;

  public DeadLetters(ConnectionFactory connections, BrokerProperties broker, Clock clock) {
    this.connections = connections;
    this.queues = Stream.concat(broker.queues().stream(), broker.referralRoutes().stream().map(BrokerProperties.ReferralRoute::queue))
        .map(queue -> PREFIX + queue).distinct().toList();
    this.retention = broker.deadLetterRetention();
    this.clock = clock;
  }

  /** The dead-letter queues looked after: {@code DLQ.} and each of the product's queues. */
  public List<String> queues() {
    return queues;
  }

  /** Letters, oldest first per queue, at most 500; {@code queue} narrows to one dead-letter queue. */
  public List<Letter> list(String queue) {
    List<Letter> letters = new ArrayList<>();
    for (String each : queue == null ? queues : List.of(known(queue))) {
      inSession(session -> {
        try (QueueBrowser browser = session.createBrowser(session.createQueue(each))) {
          for (Message message : Collections.list((java.util.Enumeration<Message>) browser.getEnumeration())) {
            if (letters.size() >= MAX_LISTED) {
              break;
            }
            letters.add(letter(each, message));
          }
        }
        return null;
      });
    }
    return letters;
  }

  public Optional<Opened> open(String queue, String id) {
    return inSession(session -> {
      try (QueueBrowser browser = session.createBrowser(session.createQueue(known(queue)), selectorFor(id))) {
        java.util.Enumeration<?> found = browser.getEnumeration();
        if (!found.hasMoreElements()) {
          return Optional.empty();
        }
        Message message = (Message) found.nextElement();
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Object name : Collections.list(message.getPropertyNames())) {
          properties.put((String) name, message.getObjectProperty((String) name));
        }
        return Optional.of(new Opened(letter(queue, message), text(message), properties));
      }
    });
  }

  /** Sends the letter back to the queue it came from, as new (its reason and broker bookkeeping dropped). */
  public Optional<Letter> reprocess(String queue, String id) {
    return inTransaction(known(queue), id, (session, message) -> {
      Letter letter = letter(queue, message);
      TextMessage copy = session.createTextMessage(text(message));
      for (Object name : Collections.list(message.getPropertyNames())) {
        String property = (String) name;
        // _AMQ_*: the broker's own (duplicate-detection id included: the copy would be dropped as a duplicate)
        if (!property.startsWith("_AMQ") && !property.startsWith("JMSX") && !REASON.equals(property)) {
          copy.setObjectProperty(property, message.getObjectProperty(property));
        }
      }
      String group = message.getStringProperty("JMSXGroupID");
      if (group != null) {
        copy.setStringProperty("JMSXGroupID", group);
      }
      session.createProducer(session.createQueue(letter.origin()))
          .send(copy, message.getJMSDeliveryMode(), message.getJMSPriority(), 0);
      log.info("Dead letter {} from {} sent back to {}", id, queue, letter.origin());
      return letter;
    });
  }

  public Optional<Letter> discard(String queue, String id) {
    return inTransaction(known(queue), id, (session, message) -> letter(queue, message));
  }

  /** Purges what has waited longer than the retention period, on every instance (a purge is idempotent). */
  @Scheduled(fixedDelayString = "${aftercare.broker.dead-letter-purge-every:1h}", initialDelayString = "${aftercare.broker.dead-letter-purge-every:1h}")
  public int purgeExpired() {
    return purgeOlderThan(clock.instant().minus(retention));
  }

  /** Purges every letter sent before {@code before}. */
  public int purgeOlderThan(Instant before) {
    long cutoff = before.toEpochMilli();
    int purged = 0;
    for (String queue : queues) {
      purged += inSession(true, session -> {
        int count = 0;
        try (MessageConsumer consumer = session.createConsumer(session.createQueue(queue), "JMSTimestamp < " + cutoff)) {
          for (Message message = consumer.receive(500); message != null; message = consumer.receive(500)) {
            if (++count % 100 == 0) {
              session.commit();
            }
          }
          session.commit();
        }
        return count;
      });
    }
    if (purged > 0) {
      log.info("Purged {} dead letters sent before {}", purged, before);
    }
    return purged;
  }

  private String known(String queue) {
    if (!queues.contains(queue)) {
      throw new IllegalArgumentException("not a dead-letter queue of this service: " + queue + " (known: " + queues + ")");
    }
    return queue;
  }

  private static String selectorFor(String id) {
    if (!MESSAGE_ID.matcher(id).matches()) {
      throw new IllegalArgumentException("not a dead-letter id: " + id);
    }
    return "JMSMessageID = 'ID:" + id + "'";
  }

  private static Letter letter(String queue, Message message) throws JMSException {
    String origin = message.getStringProperty("_AMQ_ORIG_ADDRESS");
    String reason = message.getStringProperty(REASON);
    if (reason == null) {
      reason = "not processed after " + Math.max(1, message.getIntProperty("JMSXDeliveryCount") - 1) + " delivery attempts";
    }
    return new Letter(
        message.getJMSMessageID().replaceFirst("^ID:", ""),
        queue,
        origin != null ? origin : queue.substring(PREFIX.length()),
        reason,
        Instant.ofEpochMilli(message.getJMSTimestamp()),
        message.getStringProperty("taskId"));
  }

  private static String text(Message message) throws JMSException {
    return message instanceof TextMessage text ? text.getText() : message.getBody(String.class);
  }

  private interface Work<T> {
    T in(Session session) throws JMSException;
  }

  private interface WithLetter<T> {
    T in(Session session, Message message) throws JMSException;
  }

  /** Takes the letter off its queue and does the work, in one commit; empty when there is no such letter. */
  private <T> Optional<T> inTransaction(String queue, String id, WithLetter<T> work) {
    return inSession(true, session -> {
      try (MessageConsumer consumer = session.createConsumer(session.createQueue(queue), selectorFor(id))) {
        Message message = consumer.receive(1000);
        if (message == null) {
          return Optional.empty();
        }
        T result = work.in(session, message);
        session.commit();
        return Optional.of(result);
      }
    });
  }

  private <T> T inSession(Work<T> work) {
    return inSession(false, work);
  }

  private <T> T inSession(boolean transacted, Work<T> work) {
    try (Connection connection = connections.createConnection()) {
      connection.start();
      try (Session session = connection.createSession(transacted, transacted ? Session.SESSION_TRANSACTED : Session.AUTO_ACKNOWLEDGE)) {
        return work.in(session);
      }
    } catch (JMSException e) {
      throw new IllegalStateException("The broker could not be reached for dead letters: " + e.getMessage(), e);
    }
  }
}
