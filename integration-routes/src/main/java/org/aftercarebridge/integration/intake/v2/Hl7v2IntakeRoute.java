package org.aftercarebridge.integration.intake.v2;

import static org.aftercarebridge.integration.support.Endpoints.INTAKE_HL7V2_ROUTE;
import static org.aftercarebridge.integration.support.Endpoints.REFER_DISCHARGE;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.Location;
import ca.uhn.hl7v2.model.Message;
import java.io.IOException;
import java.time.ZoneId;
import org.aftercarebridge.correlation.CorrelationId;
import org.aftercarebridge.integration.intake.IntakeMeters;
import org.aftercarebridge.integration.intake.IntakeMeters.Outcome;
import org.aftercarebridge.integration.intake.NotificationBundleToDischargeMapper;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mllp.MllpConstants;
import org.apache.camel.support.jsse.KeyManagersParameters;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * HL7 v2 intake over MLLP (port 2575): an ADT^A03 of any version 2.3–2.8 becomes the same FHIR
 * notification message and enters the same pipeline as a FHIR discharge (duplicates by sending
 * facility and MSH-10 acknowledged without a second referral). The answer is an HL7 ACK: AA when
 * kept (other ADT events too: acknowledged, ignored), AE with an ERR segment naming the field when
 * the discharge lacks what a referral needs or cannot be stored now (the sender retries), AR when
 * the message cannot be read at all. Never AA for an event it could not keep.
 */
@Component
public class Hl7v2IntakeRoute extends RouteBuilder {

  private static final Logger log = LoggerFactory.getLogger(Hl7v2IntakeRoute.class);
  static final String MESSAGE = "hl7v2Message";
  /** Authenticated client of v2 senders: MLLP has none, so the sender is its facility and application (MSH-3/4). */
  static final String MLLP_CLIENT = "mllp";

  private static final String TLS = "mllpTls";
  private final String endpoint;
  private final SSLContextParameters tls;
  private final AdtToFhirMessageMapper mapper;
  private final NotificationBundleToDischargeMapper bundleMapper;
  private final IntakeMeters meters;

  public Hl7v2IntakeRoute(
      NotificationBundleToDischargeMapper bundleMapper,
      IntakeMeters meters,
      @Value("${aftercare.mllp.host:0.0.0.0}") String host,
      @Value("${aftercare.mllp.port:2575}") int port,
      @Value("${aftercare.mllp.time-zone:America/New_York}") ZoneId zone,
      @Value("${aftercare.mllp.max-message-bytes:1048576}") int maxMessageBytes,
      @Value("${aftercare.mllp.tls.key-store:}") String keyStore,
      @Value("${aftercare.mllp.tls.key-store-password:}") String keyStorePassword,
      @Value("${aftercare.mllp.tls.key-store-type:PKCS12}") String keyStoreType) {
    this.bundleMapper = bundleMapper;
    this.meters = meters;
    this.mapper = new AdtToFhirMessageMapper(zone);
    this.endpoint = "mllp://" + host + ":" + port + "?autoAck=false&stringPayload=true&hl7Headers=false"
        + "&receiveTimeout=15000&readTimeout=5000&idleTimeout=300000&maxConcurrentConsumers=20"
        // a restart right after a crash must not wait for the old connections' TIME_WAIT to bind again
        + "&reuseAddress=true"
        + "&maxBufferSize=" + maxMessageBytes
        + (keyStore.isBlank() ? "" : "&sslContextParameters=#" + TLS);
    this.tls = keyStore.isBlank() ? null : tls(keyStore, keyStorePassword, keyStoreType);
  }

  /** MLLP over TLS with this server key (a sender's network may be untrusted; v2 itself has no security). */
  private static SSLContextParameters tls(String keyStore, String password, String type) {
    KeyStoreParameters store = new KeyStoreParameters();
    store.setResource(keyStore);
    store.setPassword(password);
    store.setType(type);
    KeyManagersParameters keys = new KeyManagersParameters();
    keys.setKeyStore(store);
    keys.setKeyPassword(password);
    SSLContextParameters parameters = new SSLContextParameters();
    parameters.setKeyManagers(keys);
    return parameters;
  }

  @Override
  public void configure() {
    if (tls != null) {
      bindToRegistry(TLS, tls);
    }
    onException(AdtRefusal.class)
        .handled(true)
        .process(exchange -> acknowledge(exchange, refused(exchange), Outcome.REFUSED));
    onException(HL7Exception.class)
        .handled(true)
        .process(exchange -> acknowledge(exchange, unreadable(exchange), Outcome.REFUSED));
    onException(Exception.class)
        .handled(true)
        .process(exchange -> acknowledge(exchange, notKept(exchange), Outcome.UNAVAILABLE));

    from(endpoint)
        .routeId(INTAKE_HL7V2_ROUTE)
        .process(exchange -> CorrelationId.begin(null)) // v2 has no request id of its own: every message gets one
        .setProperty(MESSAGE, method(this, "parse"))
        .choice()
            .when(method(AdtToFhirMessageMapper.class, "isDischarge(${exchangeProperty." + MESSAGE + "})"))
                .setBody(method(this, "toFhir"))
                .bean(bundleMapper, "read(${body}, '" + MLLP_CLIENT + "')")
                .to(REFER_DISCHARGE)
                .process(exchange -> acknowledge(exchange, accepted(exchange),
                    exchange.getProperty(IntakeMeters.OUTCOME, Outcome.REFERRED, Outcome.class)))
            .otherwise()
                .process(exchange -> acknowledge(exchange, ack(exchange.getProperty(MESSAGE, Message.class), AcknowledgmentCode.AA, null),
                    Outcome.IGNORED))
        .end();
  }

  public Message parse(String text) throws HL7Exception {
    return AdtToFhirMessageMapper.read(text);
  }

  public org.hl7.fhir.r4.model.Bundle toFhir(@ExchangeProperty(MESSAGE) Message message) throws HL7Exception {
    return mapper.toFhirMessage(message);
  }

  private String accepted(Exchange exchange) throws HL7Exception, IOException {
    OperationOutcome outcome = exchange.getMessage().getBody(OperationOutcome.class);
    String text = outcome == null ? null : outcome.getIssueFirstRep().getDetails().getText();
    return ack(exchange.getProperty(MESSAGE, Message.class), AcknowledgmentCode.AA, text);
  }

  private String refused(Exchange exchange) throws HL7Exception, IOException {
    AdtRefusal refusal = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, AdtRefusal.class);
    HL7Exception error = new HL7Exception(refusal.field() + ": " + refusal.getMessage(), ErrorCode.REQUIRED_FIELD_MISSING);
    String[] at = refusal.field().split("-");
    Location location = new Location().withSegmentName(at[0]).withSegmentRepetition(1);
    if (at.length > 1) {
      location = location.withField(Integer.parseInt(at[1]));
    }
    error.setLocation(location);
    Message message = exchange.getProperty(MESSAGE, Message.class);
    return message.generateACK(AcknowledgmentCode.AE, error).encode();
  }

  /** AR: not HL7 v2 we can read. Answered with a minimal ACK of our own, as the message has no usable MSH. */
  private String unreadable(Exchange exchange) {
    Exception problem = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    log.warn("Unreadable HL7 v2 message refused (AR): {}", problem.getClass().getSimpleName());
    String controlId = controlIdOf(exchange.getMessage().getBody(String.class));
    return "MSH|^~\\&|AFTERCARE-BRIDGE|AFTERCARE-BRIDGE|||" + java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
        .format(java.time.LocalDateTime.now()) + "||ACK|" + java.util.UUID.randomUUID().toString().substring(0, 20) + "|P|2.8\r"
        + "MSA|AR|" + controlId + "\r"
        + "ERR|||102^Data type error^HL70357|E||||The message is not HL7 v2 that can be read\r";
  }

  /** AE: a discharge we could not keep now (database or broker away): the sender must send it again. */
  private String notKept(Exchange exchange) throws HL7Exception, IOException {
    Exception problem = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    log.warn("HL7 v2 discharge not kept, answered AE: {}", problem.getClass().getSimpleName());
    Message message = exchange.getProperty(MESSAGE, Message.class);
    if (message == null) {
      return unreadable(exchange);
    }
    return message.generateACK(AcknowledgmentCode.AE,
        new HL7Exception("The message could not be stored right now; send it again", ErrorCode.APPLICATION_INTERNAL_ERROR)).encode();
  }

  private static String ack(Message message, AcknowledgmentCode code, String text) throws HL7Exception, IOException {
    Message ack = message.generateACK(code, null);
    if (text != null) {
      new ca.uhn.hl7v2.util.Terser(ack).set("/MSA-3", text.length() > 80 ? text.substring(0, 80) : text);
    }
    return ack.encode();
  }

  private void acknowledge(Exchange exchange, String ack, Outcome outcome) {
    exchange.setProperty(MllpConstants.MLLP_ACKNOWLEDGEMENT_STRING, ack);
    exchange.getMessage().setBody(ack);
    meters.answered(IntakeMeters.Source.HL7V2, outcome);
    CorrelationId.end();
  }

  private static String controlIdOf(String text) {
    if (text == null || !text.startsWith("MSH") || text.length() < 8) {
      return "";
    }
    String[] fields = text.split("\r|\n", 2)[0].split(java.util.regex.Pattern.quote(String.valueOf(text.charAt(3))), -1);
    return fields.length > 9 ? fields[9].replaceAll("[^A-Za-z0-9.\\-]", "") : "";
  }
}
