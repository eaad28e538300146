package org.aftercarebridge.integration.clinic;

import static org.aftercarebridge.integration.support.Endpoints.CLINIC_UPDATE_ROUTE;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.List;
import org.aftercarebridge.referral.ClinicUpdates;
import org.aftercarebridge.referral.ReferralTasks;
import org.apache.camel.builder.RouteBuilder;
import org.hl7.fhir.r4.model.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Status back to the clinic: each change of a referral's Tasks is {@code PUT} as the Task's current
 * state to the referring system's FHIR endpoint ({@code aftercare.clinic-endpoints.<client>}), the way
 * Gravity's notify-and-pull falls back to pushing the Task. A failure is retried with exponential
 * backoff; after the last attempt the update goes to {@code DLQ.aftercare.clinic-updates} with the
 * reason, the Task id and the client; sent back to {@code aftercare.clinic-updates} (the dead-letter
 * admin API does that), it is scheduled again. One instance delivers at a time.
 */
@Component
public class ClinicUpdateRoute extends RouteBuilder {

  private static final Logger log = LoggerFactory.getLogger(ClinicUpdateRoute.class);
  static final String RESEND = "aftercare.clinic-updates";
  static final String DEAD_LETTERS = "DLQ." + RESEND;
  private static final int BATCH = 50;

  private final ClinicUpdates updates;
  private final ReferralTasks tasks;
  private final FhirContext fhirContext;
  private final long pollMillis;

  public ClinicUpdateRoute(
      ClinicUpdates updates, ReferralTasks tasks, FhirContext fhirContext,
      @Value("${aftercare.clinic-updates.poll-interval:2s}") java.time.Duration poll) {
    this.updates = updates;
    this.tasks = tasks;
    this.fhirContext = fhirContext;
    this.pollMillis = poll.toMillis();
    fhirContext.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
    fhirContext.getRestfulClientFactory().setConnectTimeout(5_000);
    fhirContext.getRestfulClientFactory().setSocketTimeout(15_000);
  }

  @Override
  public void configure() {
    from("master:clinic-updates:timer:clinic-updates?delay=" + pollMillis + "&period=" + pollMillis)
        .routeId(CLINIC_UPDATE_ROUTE)
        .setBody(method(this, "deliverDue"))
        .split(body())
            .setHeader("reason", simple("${body.reason}"))
            .setHeader("taskId", simple("${body.taskId}"))
            .setHeader("client", simple("${body.client}"))
            .setBody(simple("${body.task}"))
            .to("jms:queue:" + DEAD_LETTERS + "?deliveryPersistent=true")
        .end();

    from("jms:queue:" + RESEND + "?transacted=true")
        .routeId(CLINIC_UPDATE_ROUTE + "-resend")
        .onException(IllegalArgumentException.class)
            .handled(true)
            .setHeader("reason", simple("${exception.message}"))
            .to("jms:queue:" + DEAD_LETTERS + "?deliveryPersistent=true")
        .end()
        .bean(updates, "resend(${header.taskId}, ${header.client})");
  }

  /** What was given up after its last attempt, for the dead letters. */
  public record GivenUp(String taskId, String client, String reason, String task) {}

  /** Delivers every update that is due; answers those given up. */
  public List<GivenUp> deliverDue() {
    return updates.due(BATCH).stream().map(this::deliver).filter(java.util.Objects::nonNull).toList();
  }

  private GivenUp deliver(ClinicUpdates.Due due) {
    Task task = tasks.read(due.taskId()).orElse(null);
    if (task == null) {
      updates.delivered(due.id());
      return null;
    }
    String error;
    try {
      client(updates.endpointOf(due.client())).update().resource(task).execute();
      updates.delivered(due.id());
      return null;
    } catch (BaseServerResponseException answered) {
      error = "HTTP " + answered.getStatusCode();
    } catch (RuntimeException unreachable) {
      error = unreachable.getClass().getSimpleName();
    }
    log.warn("Status update of Task/{} to {} failed ({}), attempt {}", due.taskId(), due.client(), error, due.attempts() + 1);
    return updates.failed(due, error)
        ? new GivenUp(due.taskId(), due.client(), "gave up after " + (due.attempts() + 1) + " attempts: " + error,
            fhirContext.newJsonParser().encodeResourceToString(task))
        : null;
  }

  private IGenericClient client(String baseUrl) {
    return fhirContext.newRestfulGenericClient(baseUrl);
  }
}
