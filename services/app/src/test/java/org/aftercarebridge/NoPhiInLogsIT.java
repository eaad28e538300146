package org.aftercarebridge;

import static org.aftercarebridge.support.Fixtures.asJson;
import static org.aftercarebridge.support.Fixtures.freshDischarge;
import static org.aftercarebridge.support.Fixtures.freshDischargeWithoutConsent;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aftercarebridge.support.MllpClient;
import org.aftercarebridge.support.Outbox;
import org.aftercarebridge.support.ServiceUnderTest;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * No PHI in logs: the suite's patients go through every door — FHIR accepted, held, invalid, a
 * duplicate; HL7 v2 accepted, refused, unreadable — and no log line (message or stack trace) may
 * carry a name, birth date, identifier, phone number or street of theirs.
 */
class NoPhiInLogsIT extends ServiceUnderTest {

  /** The Da Vinci example's patient and the v2 test patient. */
  private static final List<String> PHI = List.of(
      "Halvorson124", "Elden718", "2000-10-15", "999-87-1037", "555-903-1143", "715 Crona Corner",
      "Halvorson", "19750312", "1975-03-12", "MRN-1042", "12 Lawrence St", "9031143");

  @Test
  void noNameBirthDateOrIdentifierReachesTheLog() throws IOException {
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.addAppender(log);
    try {
      String token = service().clinicToken();
      String message = asJson(freshDischarge());
      service().postMessage(token, FHIR_JSON, message);
      service().postMessage(token, FHIR_JSON, message);
      service().postMessage(token, FHIR_JSON, asJson(freshDischargeWithoutConsent()));
      service().postMessage(token, FHIR_JSON, asJson(freshDischarge()).replace("\"finished\"", "\"in-progress\""));
      service().postMessage(token, FHIR_JSON, asJson(freshDischarge()).replace("\"birthDate\"", "\"birthdate\""));
      String v2 = Files.readString(Path.of("../../integration-routes/src/test/resources/hl7v2/adt-a03-v2.5.1.hl7"));
      MllpClient.send(MLLP_PORT, v2.replace("V251-0001", "PHI-LOG-1"));
      MllpClient.send(MLLP_PORT, v2.replace("V251-0001", "PHI-LOG-2").replace("|20181024052215-0400", ""));
      MllpClient.send(MLLP_PORT, "PID|1||MRN-1042||Halvorson^Maria||19750312");
      Outbox.awaitAllPublished(jdbc);
    } finally {
      root.detachAppender(log);
      receiveAll("aftercare.referrals", null, 500);
    }

    assertThat(log.list).isNotEmpty();
    for (ILoggingEvent event : log.list) {
      String line = event.getFormattedMessage() + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
      for (String phi : PHI) {
        assertThat(line).as("log line of %s", event.getLoggerName()).doesNotContain(phi);
      }
    }
  }
}
