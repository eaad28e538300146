package org.aftercarebridge.integration.referral;

import static org.aftercarebridge.integration.support.Endpoints.PUBLISH_REFERRAL;
import static org.aftercarebridge.integration.support.Endpoints.TASK_UPDATES_QUEUE_ROUTE;
import static org.aftercarebridge.integration.support.Endpoints.TASK_UPDATE_ROUTE;
import static org.aftercarebridge.integration.support.Endpoints.UPDATE_TASK;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import org.aftercarebridge.referral.ReferralTasks;
import org.aftercarebridge.referral.TaskLifecycle;
import org.aftercarebridge.referral.TaskUpdateRefused;
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
 * the reason; one that fails for another cause (database down) is rolled back and redelivered by the
 * broker, into the DLQ after its bounded attempts.
 */
@Component
public class TaskUpdateRoute extends RouteBuilder {

  static final String REASON = "reason";

  private final ReferralTasks tasks;
  private final FhirContext fhirContext;
  private final String queue;

  public TaskUpdateRoute(
      ReferralTasks tasks, FhirContext fhirContext, @Value("${aftercare.referral.task-updates-queue:aftercare.task-updates}") String queue) {
    this.tasks = tasks;
    this.fhirContext = fhirContext;
    this.queue = queue;
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
            .log("A queued Task update was refused and set aside in DLQ." + queue + ": ${header." + REASON + "}")
            .to("jms:queue:DLQ." + queue)
        .end()
        .bean(this, "change")
        .to(UPDATE_TASK);
  }

  /** The queued Task as a change by a coordinator, to the version it names (if any). */
  public ReferralTasks.Change change(String body, @Header("JMSXUserID") String user) {
    Task task = (Task) fhirContext.newJsonParser().parseResource(body);
    if (!task.hasIdElement() || task.getIdElement().getIdPart() == null) {
      throw new TaskUpdateRefused(TaskUpdateRefused.Reason.INVALID, "Task.id", "a queued Task update needs the Task's id");
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
