package org.aftercarebridge.intake;

import static org.aftercarebridge.support.Fixtures.asJson;
import static org.aftercarebridge.support.Fixtures.asXml;
import static org.aftercarebridge.support.Fixtures.freshDischarge;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.aftercarebridge.support.Fixtures;
import org.aftercarebridge.support.Hl7v2Messages;
import org.aftercarebridge.support.MllpClient;
import org.aftercarebridge.support.ServiceUnderTest;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Encounter;
import org.junit.jupiter.api.Test;

/**
 * Hostile and broken input at both doors: each gets a clear refusal (an OperationOutcome, or no
 * acknowledgement on a frame that never completed), nothing is half-written, and the door stays open
 * for the next sender.
 */
class HostileInputIT extends ServiceUnderTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  // --- FHIR --------------------------------------------------------------------------------------

  @Test
  void aBodyOverTheSizeLimitIs413WhetherItsLengthIsDeclaredOrNot() throws Exception {
    Bundle message = huge(freshDischarge());
    byte[] body = asJson(message).getBytes(StandardCharsets.UTF_8);
    assertThat(body.length).isGreaterThan(6_000_000);

    HttpResponse<String> declared = send(HttpRequest.BodyPublishers.ofByteArray(body), FHIR_JSON);
    assertThat(declared.statusCode()).as(declared.body()).isEqualTo(413);
    assertThat(declared.body()).contains("OperationOutcome").contains("larger than");

    HttpResponse<String> chunked = send(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)), FHIR_JSON);
    assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
    assertThat(chunked.body()).contains("OperationOutcome");

    assertNothingStoredFor(message);
  }

  @Test
  void xmlWithADoctypeIsRefusedAndNoEntityIsResolved() throws Exception {
    Bundle message = freshDischarge();
    String xml = asXml(message);
    String externalEntity = "<?xml version=\"1.0\"?><!DOCTYPE Bundle [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
        + xml.replaceFirst("<id value=\"[^\"]*\"/>", "<id value=\"&xxe;\"/>");
    HttpResponse<String> xxe = service().postMessage(service().clinicToken(), FHIR_XML, externalEntity);
    assertThat(xxe.statusCode()).as(xxe.body()).isEqualTo(400);
    assertThat(xxe.body()).contains("OperationOutcome").doesNotContain("root:");

    String laughs = "<?xml version=\"1.0\"?><!DOCTYPE Bundle [<!ENTITY a \"aaaaaaaaaa\">"
        + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
        + "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">]>"
        + xml.replaceFirst("<id value=\"[^\"]*\"/>", "<id value=\"&e;\"/>");
    HttpResponse<String> billionLaughs = service().postMessage(service().clinicToken(), FHIR_XML, laughs);
    assertThat(billionLaughs.statusCode()).as(billionLaughs.body()).isEqualTo(400);

    assertNothingStoredFor(message);
  }

  @Test
  void jsonNestedBeyondTheLimitIs400NotACrash() {
    int depth = 50_000;
    String nested = "{\"resourceType\":\"Bundle\",\"type\":\"message\",\"extension\":[{\"url\":\"x\",\"valueString\":"
        + "[".repeat(depth) + "]".repeat(depth) + "}]}";
    HttpResponse<String> response = service().postMessage(service().clinicToken(), FHIR_JSON, nested);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains("OperationOutcome");
  }

  @Test
  void aContentTypeThatIsNotFhirIs415() {
    Bundle message = freshDischarge();
    HttpResponse<String> plain = service().postMessage(service().clinicToken(), "text/plain", asJson(message));
    assertThat(plain.statusCode()).as(plain.body()).isEqualTo(415);
    assertThat(plain.body()).contains("OperationOutcome");

    HttpResponse<String> form = service().postMessage(service().clinicToken(), "application/x-www-form-urlencoded", "a=b");
    assertThat(form.statusCode()).as(form.body()).isEqualTo(415);
    assertNothingStoredFor(message);
  }

  @Test
  void anEmptyBodyIs400() {
    HttpResponse<String> empty = service().postMessage(service().clinicToken(), FHIR_JSON, "");
    assertThat(empty.statusCode()).as(empty.body()).isEqualTo(400);
    assertThat(empty.body()).contains("OperationOutcome");
  }

  // --- HL7 v2 over MLLP --------------------------------------------------------------------------

  @Test
  void garbageOnTheMllpPortIsNotAnsweredAndDoesNotBlockOtherSenders() throws IOException {
    try (Socket garbage = new Socket("localhost", MLLP_PORT)) {
      garbage.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      garbage.getOutputStream().flush();
      assertListenerStillAccepts();
      garbage.setSoTimeout(2_000);
      int answer;
      try {
        answer = garbage.getInputStream().read();
      } catch (java.net.SocketTimeoutException | java.net.SocketException nothing) {
        answer = -1;
      }
      assertThat(answer).as("no frame, so no acknowledgement").isEqualTo(-1);
    }
  }

  @Test
  void aTruncatedFrameLeavesNothingBehind() throws IOException {
    String controlId = "TRUNC-" + UUID.randomUUID().toString().substring(0, 8);
    byte[] frame = MllpClient.framed(Hl7v2Messages.withControlId("adt-a03-v2.5.1.hl7", controlId));
    try (Socket socket = new Socket("localhost", MLLP_PORT)) {
      socket.getOutputStream().write(frame, 0, frame.length / 2);
      socket.getOutputStream().flush();
    }
    assertThat(referralsFrom(controlId)).isZero();
    assertListenerStillAccepts();
    assertThat(referralsFrom(controlId)).isZero();
  }

  @Test
  void aSlowSenderIsCutOffWithoutAnAcknowledgement() throws Exception {
    String controlId = "SLOW-" + UUID.randomUUID().toString().substring(0, 8);
    byte[] frame = MllpClient.framed(Hl7v2Messages.withControlId("adt-a03-v2.5.1.hl7", controlId));
    try (Socket socket = new Socket("localhost", MLLP_PORT)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(frame, 0, 40);
      out.flush();
      Thread.sleep(7_000); // longer than the 5 s the listener waits for the rest of a started frame
      InputStream in = socket.getInputStream();
      boolean closed;
      try {
        out.write(frame, 40, frame.length - 40);
        out.flush();
        closed = in.read() == -1;
      } catch (IOException reset) {
        closed = true;
      }
      assertThat(closed).as("the listener hung up on the slow sender").isTrue();
    }
    assertThat(referralsFrom(controlId)).isZero();
    assertListenerStillAccepts();
  }

  @Test
  void aFrameOverTheSizeLimitIsRefusedAndNothingStored() {
    String controlId = "BIG-" + UUID.randomUUID().toString().substring(0, 8);
    String message = Hl7v2Messages.withControlId("adt-a03-v2.5.1.hl7", controlId).replace("ZPV|1|", "ZPV|1|" + "x".repeat(2_000_000));
    String answer;
    try {
      answer = MllpClient.send(MLLP_PORT, message);
    } catch (RuntimeException connectionReset) {
      answer = null;
    }
    assertThat(answer == null || !answer.contains("MSA|AA")).as("no AA for " + answer).isTrue();
    assertThat(referralsFrom(controlId)).isZero();
    assertListenerStillAccepts();
  }

  // --- helpers -----------------------------------------------------------------------------------

  private void assertListenerStillAccepts() {
    String controlId = "NEXT-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(MllpClient.send(MLLP_PORT, Hl7v2Messages.withControlId("adt-a03-v2.5.1.hl7", controlId))).contains("MSA|AA|" + controlId);
  }

  private int referralsFrom(String controlId) {
    return jdbc.sql("select count(*) from referral_held where message like ?").param("%\"" + controlId + "\"%").query(Integer.class).single();
  }

  /** The discharge with six megabytes of text where a reason would go. */
  private static Bundle huge(Bundle message) {
    message.getEntry().stream()
        .filter(entry -> entry.getResource() instanceof Encounter)
        .map(entry -> (Encounter) entry.getResource())
        .findFirst().orElseThrow()
        .addReasonCode().setText("x".repeat(6_200_000));
    return message;
  }

  private HttpResponse<String> send(HttpRequest.BodyPublisher body, String contentType) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fhir/$process-message"))
        .header("Content-Type", contentType)
        .header("Authorization", "Bearer " + service().clinicToken())
        .POST(body).build(), HttpResponse.BodyHandlers.ofString());
  }

  private void assertNothingStoredFor(Bundle message) {
    assertThat(jdbc.sql("select count(*) from referral where source_bundle_id = ? or source_message_id = ?")
        .param(message.getIdElement().getIdPart())
        .param(Fixtures.header(message).getIdElement().getIdPart())
        .query(Integer.class).single()).isZero();
  }
}
