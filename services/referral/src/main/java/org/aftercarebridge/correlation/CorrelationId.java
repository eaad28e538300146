package org.aftercarebridge.correlation;

import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * The id that follows one piece of work from intake to queue: taken from the caller's
 * {@code X-Request-Id} when it is a plain token, made up otherwise; kept in the logging context
 * ({@code correlationId} in every log line, a field of the JSON logs), stored with the outbox row and
 * sent as the {@code correlationId} property of the queue message.
 */
public final class CorrelationId {

  public static final String KEY = "correlationId";
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private CorrelationId() {}

  /** The work in hand's id; null outside any. */
  public static String current() {
    return MDC.get(KEY);
  }

  /** Starts a piece of work: {@code offered} when it is a plain token (never arbitrary text into logs), a new id otherwise. */
  public static String begin(String offered) {
    String id = offered != null && PLAIN.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    MDC.put(KEY, id);
    return id;
  }

  /** Runs {@code work} under {@code id} (null: none), then restores the id that was in force. */
  public static void within(String id, Runnable work) {
    String previous = MDC.get(KEY);
    if (id == null) {
      MDC.remove(KEY);
    } else {
      MDC.put(KEY, id);
    }
    try {
      work.run();
    } finally {
      if (previous == null) {
        MDC.remove(KEY);
      } else {
        MDC.put(KEY, previous);
      }
    }
  }

  public static void end() {
    MDC.remove(KEY);
  }
}
