package org.aftercarebridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.aftercarebridge.support.Hl7v2Messages;
import org.aftercarebridge.support.MllpClient;
import org.aftercarebridge.support.ServiceUnderTest;
import org.junit.jupiter.api.Test;

/**
 * HL7 v2 ADT over MLLP through the real stack: every version 2.3–2.8 is acknowledged AA and becomes
 * a referral (held for consent, as v2 carries none); a copy is AA without a second referral; a
 * discharge without its time is AE naming PV1-45; another event is AA and ignored; garbage is AR.
 */
class Hl7v2IntakeIT extends ServiceUnderTest {

  /** Referrals made from the message with this MSH-10 (held: v2 carries no consent; Bundle.identifier keeps MSH-10). */
  private int referralsFrom(String controlId) {
    return jdbc.sql("select count(*) from referral_held where message like ?").param("%\"" + controlId + "\"%").query(Integer.class).single();
  }

  @Test
  void everyVersionIsAcceptedAndReferred() {
    for (String version : List.of("2.3", "2.3.1", "2.4", "2.5", "2.5.1", "2.6", "2.7", "2.8")) {
      String controlId = "IT-" + UUID.randomUUID().toString().substring(0, 8);
      String ack = MllpClient.send(MLLP_PORT, Hl7v2Messages.withControlId("adt-a03-v" + version + ".hl7", controlId));
      assertThat(ack).as("v" + version).contains("MSA|AA|" + controlId).contains("held under 42 CFR Part 2");
      assertThat(referralsFrom(controlId)).as("v" + version).isEqualTo(1);
    }
  }

  @Test
  void aCopyIsAcknowledgedWithoutASecondReferral() {
    String controlId = "IT-" + UUID.randomUUID().toString().substring(0, 8);
    String message = Hl7v2Messages.withControlId("adt-a03-v2.5.1.hl7", controlId);
    assertThat(MllpClient.send(MLLP_PORT, message)).contains("MSA|AA|" + controlId);
    assertThat(MllpClient.send(MLLP_PORT, message)).contains("MSA|AA|" + controlId).contains("Duplicate message");
    assertThat(referralsFrom(controlId)).isEqualTo(1);
  }

  @Test
  void aDischargeWithoutItsTimeIsAnErrorNamingTheField() {
    String controlId = "IT-" + UUID.randomUUID().toString().substring(0, 8);
    String ack = MllpClient.send(MLLP_PORT, Hl7v2Messages.withControlId("adt-a03-v2.5.1.hl7", controlId).replace("|20181024052215-0400", ""));
    assertThat(ack).contains("MSA|AE|" + controlId).contains("ERR|").contains("PV1^1^45");
    assertThat(referralsFrom(controlId)).isZero();
  }

  @Test
  void otherEventsAreAcknowledgedAndIgnoredAndGarbageIsRejected() {
    String controlId = "IT-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(MllpClient.send(MLLP_PORT, Hl7v2Messages.withControlId("adt-a01-v2.5.1.hl7", controlId))).contains("MSA|AA|" + controlId);
    assertThat(referralsFrom(controlId)).isZero();
    assertThat(MllpClient.send(MLLP_PORT, "this is not HL7")).contains("MSA|AR");
  }
}
