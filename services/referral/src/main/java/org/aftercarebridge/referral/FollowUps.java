package org.aftercarebridge.referral;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Follow-ups coming due and left undone. Each planned follow-up becomes one Task and one message on
 * the follow-ups queue, exactly once however many instances try: the state change from planned to
 * published is a compare-and-set in the same transaction as the Task and its outbox row. One still
 * open when its time is up is escalated: flagged overdue, its priority raised, the coordinator lead told.
 */
@Service
public class FollowUps {

  public static final String FOLLOW_UP_KINDS = "https://aftercarebridge.org/fhir/CodeSystem/follow-up-kinds";
  static final String FOLLOW_UP_TASK = "https://aftercarebridge.org/fhir/StructureDefinition/aftercare-followup-task";
  private static final String SERVICE = "aftercare-bridge";
  private static final int BATCH = 100;

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final Referrals referrals;
  private final ReferralTasks tasks;
  private final FollowUpPlan plan;
  private final Clock clock;

  public FollowUps(
      JdbcClient jdbc, TransactionTemplate transaction, Referrals referrals, ReferralTasks tasks, FollowUpPlan plan,
      Clock clock) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.referrals = referrals;
    this.tasks = tasks;
    this.plan = plan;
    this.clock = clock;
  }

  /** Makes the follow-ups due by now into Tasks and outbox announcements, earliest first; answers how many. */
  public int publishDue() {
    List<String> due = jdbc.sql("select id from followup where state = 'planned' and due_at <= :now order by due_at, kind limit :batch")
        .param("now", Timestamp.from(clock.instant()))
        .param("batch", BATCH)
        .query(String.class)
        .list();
    int published = 0;
    for (String id : due) {
      published += transaction.execute(status -> publish(id)) ? 1 : 0;
    }
    return published;
  }

  /** Escalates published follow-ups whose Task is still open past its time (the leads' notices into the outbox); answers how many. */
  public int escalateOverdue() {
    List<String> overdue = jdbc.sql("select f.id from followup f join referral_task t on t.id = f.task_id"
            + " where f.state = 'published' and f.done_by <= :now"
            + " and t.status not in ('rejected', 'cancelled', 'failed', 'completed', 'entered-in-error') order by f.done_by limit :batch")
        .param("now", Timestamp.from(clock.instant()))
        .param("batch", BATCH)
        .query(String.class)
        .list();
    int escalated = 0;
    for (String id : overdue) {
      escalated += transaction.execute(status -> escalate(id)) ? 1 : 0;
    }
    return escalated;
  }

  /** Published follow-ups whose Task is still open: due (within their time) and overdue (past it). */
  public record Open(long due, long overdue) {}

  public Open open() {
    return jdbc.sql("select coalesce(sum(case when f.done_by > :now then 1 else 0 end), 0) as due,"
            + " coalesce(sum(case when f.done_by <= :now then 1 else 0 end), 0) as overdue"
            + " from followup f join referral_task t on t.id = f.task_id where f.state in ('published', 'escalated')"
            + " and t.status not in ('rejected', 'cancelled', 'failed', 'completed', 'entered-in-error')")
        .param("now", Timestamp.from(clock.instant()))
        .query((rs, n) -> new Open(rs.getLong("due"), rs.getLong("overdue")))
        .single();
  }

  private boolean publish(String followUpId) {
    if (jdbc.sql("update followup set state = 'published' where id = :id and state = 'planned'").param("id", followUpId).update() == 0) {
      return false; // another instance got there first
    }
    Due due = jdbc.sql("select f.referral_id, f.kind, f.done_by, r.patient_id, r.service_request_id"
            + " from followup f join referral r on r.id = f.referral_id where f.id = :id")
        .param("id", followUpId)
        .query((rs, n) -> new Due(rs.getString("referral_id"), rs.getString("kind"), rs.getTimestamp("done_by").toInstant(),
            rs.getString("patient_id"), rs.getString("service_request_id")))
        .single();
    Task referralTask = currentReferralTask(due.referralId()).orElse(null);
    Task task = followUpTask(due, referralTask);
    Instant now = Instant.now();
    referrals.insertTask(due.referralId(), task, 0, now);
    jdbc.sql("update followup set task_id = :taskId where id = :id").param("taskId", task.getIdElement().getIdPart()).param("id", followUpId).update();
    referrals.announceTask(due.referralId(), task, plan.queue(), now);
    return true;
  }

  private boolean escalate(String followUpId) {
    if (jdbc.sql("update followup set state = 'escalated' where id = :id and state = 'published'").param("id", followUpId).update() == 0) {
      return false;
    }
    Overdue due = jdbc.sql("select referral_id, task_id from followup where id = :id")
        .param("id", followUpId)
        .query((rs, n) -> new Overdue(rs.getString("referral_id"), rs.getString("task_id")))
        .single();
    Task escalated = tasks.systemChange(due.taskId(), TaskLifecycle::escalate, SERVICE);
    referrals.announceTask(due.referralId(), escalated, plan.escalations(), Instant.now());
    return true;
  }

  /** The referral's newest fulfilment (or choose-group) Task: the follow-up is part of it and goes to its owner. */
  private Optional<Task> currentReferralTask(String referralId) {
    return jdbc.sql("select id from referral_task where referral_id = :id and code <> 'obtain-consent' and attempt > 0"
            + " order by attempt desc, last_updated desc")
        .param("id", referralId)
        .query(String.class)
        .list()
        .stream()
        .findFirst()
        .flatMap(tasks::read);
  }

  private Task followUpTask(Due due, Task referralTask) {
    FollowUpPlan.Item item = plan.items().stream().filter(i -> i.kind().equals(due.kind())).findFirst()
        .orElse(new FollowUpPlan.Item(due.kind(), due.kind(), null, null));
    Task task = new Task();
    task.setId(UUID.randomUUID().toString());
    task.getMeta().addProfile(FOLLOW_UP_TASK);
    Ds4pLabels.applyPart2(task.getMeta());
    task.setStatus(Task.TaskStatus.REQUESTED);
    task.setIntent(Task.TaskIntent.ORDER);
    task.setPriority(referralTask == null ? Task.TaskPriority.ROUTINE : referralTask.getPriority());
    task.setCode(new CodeableConcept(new Coding(FOLLOW_UP_KINDS, item.kind(), item.display())));
    task.addBasedOn(new Reference("ServiceRequest/" + due.serviceRequestId()));
    task.setFocus(new Reference("ServiceRequest/" + due.serviceRequestId()));
    if (referralTask != null) {
      task.addPartOf(new Reference("Task/" + referralTask.getIdElement().getIdPart()));
      task.setRequester(referralTask.getRequester().copy());
      if (referralTask.hasOwner()) {
        task.setOwner(referralTask.getOwner().copy());
      }
    }
    task.setFor(new Reference("Patient/" + due.patientId()));
    Instant now = clock.instant();
    task.setAuthoredOn(Date.from(now));
    task.setLastModified(Date.from(now));
    task.getRestriction().getPeriod().setEnd(Date.from(due.doneBy()));
    return task;
  }

  private record Overdue(String referralId, String taskId) {}

  private record Due(String referralId, String kind, Instant doneBy, String patientId, String serviceRequestId) {}
}
