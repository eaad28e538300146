package org.aftercarebridge.intake;

import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.aftercarebridge.integration.intake.IntakeMeters;
import org.aftercarebridge.integration.intake.IntakeMeters.Outcome;
import org.aftercarebridge.integration.intake.IntakeMeters.Source;
import org.aftercarebridge.integration.intake.ReceivedMessage;
import org.aftercarebridge.integration.support.Endpoints;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * {@code POST /fhir/$process-message}: the Da Vinci Unsolicited Notifications delivery operation.
 * HAPI parses the body (unparseable: 400); the intake route does the rest.
 */
@Component
public class ProcessMessageProvider {

  private static final Logger log = LoggerFactory.getLogger(ProcessMessageProvider.class);

  private final ProducerTemplate camel;
  private final IntakeMeters meters;

  public ProcessMessageProvider(ProducerTemplate camel, IntakeMeters meters) {
    this.camel = camel;
    this.meters = meters;
  }

  @Operation(name = "$process-message", idempotent = false)
  public OperationOutcome processMessage(@ResourceParam IBaseResource content, RequestDetails request) {
    if (!(content instanceof Bundle message)) {
      throw new InvalidRequestException(
          "$process-message expects a FHIR message Bundle, not a " + content.getClass().getSimpleName());
    }
    ReceivedMessage received =
        new ReceivedMessage(
            message,
            new String(request.loadRequestContents(), requestCharset(request)),
            SecurityContextHolder.getContext().getAuthentication().getName());
    Exchange exchange = camel.request(Endpoints.PROCESS_MESSAGE, ex -> ex.getMessage().setBody(received));
    Exception failure = exchange.getException();
    if (failure == null) {
      meters.answered(Source.FHIR, exchange.getProperty(IntakeMeters.OUTCOME, Outcome.REFERRED, Outcome.class));
      return exchange.getMessage().getBody(OperationOutcome.class);
    }
    meters.answered(Source.FHIR, failure instanceof BaseServerResponseException ? Outcome.REFUSED
        : failure instanceof DataAccessException ? Outcome.UNAVAILABLE : Outcome.ERROR);
    if (failure instanceof BaseServerResponseException answered) {
      throw answered;
    }
    if (failure instanceof DataAccessException) {
      log.warn("Intake could not store a message: {}", failure.getClass().getSimpleName());
      throw new ServiceUnavailableException("The message could not be stored right now; retry later");
    }
    log.error("Intake failed unexpectedly", failure);
    throw new InternalErrorException("The message could not be processed");
  }

  private static Charset requestCharset(RequestDetails request) {
    return request.getCharset() == null ? StandardCharsets.UTF_8 : request.getCharset();
  }

  /** 503: the sender may retry (Da Vinci: "5xx → may retry"). */
  static final class ServiceUnavailableException extends BaseServerResponseException {
    ServiceUnavailableException(String message) {
      super(503, message);
    }
  }
}
