package org.aftercarebridge.integration.referral;

import static org.aftercarebridge.integration.support.Endpoints.PUBLISH_REFERRAL;
import static org.aftercarebridge.integration.support.Endpoints.TASK_UPDATES_QUEUE_ROUTE;
import static org.aftercarebridge.integration.support.Endpoints.TASK_UPDATE_ROUTE;
import static org.aftercarebridge.integration.support.Endpoints.UPDATE_TASK;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import java.util.List;
import org.aftercarebridge.audit.AuditTrail;
import org.aftercarebridge.integration.support.IntegrationConfiguration;
import org.aftercarebridge.referral.ReferralTasks;
import org.aftercarebridge.referral.ReferralVisibility;
import org.aftercarebridge.referral.TaskLifecycle;
import org.aftercarebridge.referral.TaskUpdateRefused;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.builder.RouteBuilder;
import org.hl7.fhir.r4.model.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Coordinators work referral Tasks: through the FHIR API ({@code PUT}/{@code PATCH /fhir/Task}) or by
 * sending the updated Task (FHIR JSON) to the {@code aftercare.task-updates} queue. Both take one
 * path: the update along the Task lifecycle, then the announcement of the Task that takes over when a
 * group declined. A queued update that cannot be made goes to {@code DLQ.aftercare.task-updates} with
 * the reason (and both are audited); one that fails for another cause (database down) is rolled back and redelivered by the
 * broker, into the DLQ after its bounded attempts.
 */
@Component
public class TaskUpdateRoute extends RouteBuilder {

  static final String REASON = "reason";
  /** The broker user who sent the update, as the broker vouches for it (populate-validated-user). */
  static final String SENDER = "brokerUser";
  static final String CHANGE = "change";

  private final ReferralTasks tasks;
  private final FhirContext fhirContext;
  private final AuditTrail audit;
  private final String queue;
  /** The referral regions each broker user may update Tasks of ({@code *}: all); anyone else none. */
  private final java.util.Map<String, List<String>> regionsOf;

  public TaskUpdateRoute(
      ReferralTasks tasks, FhirContext fhirContext, AuditTrail audit,
      @Value("${aftercare.referral.task-updates-queue:aftercare.task-updates}") String queue,
      IntegrationConfiguration.ReferralProperties referral) {
    this.tasks = tasks;
    this.fhirContext = fhirContext;
    this.audit = audit;
    this.queue = queue;
    this.regionsOf = referral.taskUpdateRegions();
  }

  @Override
  public void configure() {
    from(UPDATE_TASK)
        .routeId(TASK_UPDATE_ROUTE)
        .errorHandler(noErrorHandler())
        .bean(tasks, "update")
        .filter(simple("${body.announcement} != null"))
            .wireTap(PUBLISH_REFERRAL)
                .onPrepare(tap -> tap.getMessage().setBody(tap.getMessage().getBody(ReferralTasks.Updated.class).announcement()))
            .end()
        .end()
        .setBody(simple("${body.task}"));

    from("jms:queue:" + queue + "?transacted=true")
        .routeId(TASK_UPDATES_QUEUE_ROUTE)
        .onException(TaskUpdateRefused.class, DataFormatException.class, ClassCastException.class, IllegalArgumentException.class)
            .handled(true)
            .setHeader(REASON, simple("${exception.message}"))
            .bean(this, "auditRefused")
            .log("A queued Task update was refused and set aside in DLQ." + queue + ": ${header." + REASON + "}")
            .to("jms:queue:DLQ." + queue)
        .end()
        .setHeader(SENDER, method(this, "sender"))
        .bean(this, "change")
        .setProperty(CHANGE, body())
        .to(UPDATE_TASK)
        .bean(this, "audit");
  }

  /** The broker user who sent the message, as the broker vouches for it (null when the broker does not say). */
  public String sender(org.apache.camel.Exchange exchange) throws jakarta.jms.JMSException {
    org.apache.camel.component.jms.JmsMessage message = exchange.getIn(org.apache.camel.component.jms.JmsMessage.class);
    if (message == null || message.getJmsMessage() == null) {
      return null;
    }
    jakarta.jms.Message jms = message.getJmsMessage();
    String validated = jms.getStringProperty("_AMQ_VALIDATED_USER");
    return validated != null ? validated : jms.getStringProperty("JMSXUserID");
  }

  /** BALP PatientUpdate for an update that came by queue (the FHIR API audits its own). */
  public void audit(Task stored, @ExchangeProperty(CHANGE) ReferralTasks.Change change) {
    audit.record(new AuditTrail.Entry(AuditTrail.Interaction.UPDATE, change.actor(),
        List.of("Task/" + change.taskId()), stored.getFor().getReference(), null, null));
  }

  public void auditRefused(@ExchangeProperty(CHANGE) ReferralTasks.Change change, @Header(SENDER) String user) {
    audit.record(new AuditTrail.Entry(AuditTrail.Interaction.UPDATE, user == null ? "queue:" + queue : user,
        change == null ? List.of() : List.of("Task/" + change.taskId()), null, "HTTP 422", null));
  }

  /** The queued Task as a change by a coordinator, to the version it names (if any). */
  public ReferralTasks.Change change(String body, @Header(SENDER) String user) {
    Task task = (Task) fhirContext.newJsonParser().parseResource(body);
    if (!task.hasIdElement() || task.getIdElement().getIdPart() == null) {
      throw new TaskUpdateRefused(TaskUpdateRefused.Reason.INVALID, "Task.id", "a queued Task update needs the Task's id");
    }
    String taskId = task.getIdElement().getIdPart();
    List<String> regions = user == null ? List.of() : regionsOf.getOrDefault(user, List.of());
    if (tasks.visible(taskId, ReferralVisibility.everything()) && !tasks.visible(taskId, ReferralVisibility.ofRegions(regions))) {
      throw new TaskUpdateRefused(TaskUpdateRefused.Reason.NOT_PERMITTED, "Task",
          "broker user " + (user == null ? "(unknown)" : user) + " may not update Task/" + taskId + ": not a referral of its regions");
    }
    String version = task.getMeta().getVersionId();
    return new ReferralTasks.Change(
        task.getIdElement().getIdPart(),
        task,
        version == null ? null : Integer.valueOf(version),
        TaskLifecycle.Side.PERFORMER,
        user == null ? "queue:" + queue : user);
  }
}
