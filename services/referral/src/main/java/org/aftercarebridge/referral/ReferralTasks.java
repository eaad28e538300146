package org.aftercarebridge.referral;

import static org.aftercarebridge.referral.TaskUpdateRefused.Reason.CONFLICT;
import static org.aftercarebridge.referral.TaskUpdateRefused.Reason.INVALID;
import static org.aftercarebridge.referral.TaskUpdateRefused.Reason.NOT_FOUND;
import static org.aftercarebridge.referral.TaskUpdateRefused.Reason.NOT_PERMITTED;
import static org.aftercarebridge.referral.TaskUpdateRefused.Reason.STALE_VERSION;

import ca.uhn.fhir.context.FhirContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.aftercarebridge.referral.TaskLifecycle.BusinessStatus;
import org.aftercarebridge.referral.TaskLifecycle.Side;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Referral Tasks as coordinators and clinics work them: reads, searches and updates that follow the
 * {@link TaskLifecycle}, each change recorded as an event; a declined Task hands over to the next
 * group (or a coordinator's decision) in the same transaction, so a decline is never left without a
 * follow-up.
 */
@Service
public class ReferralTasks {

  /** Codes of the Tasks that carry the referral itself (the others are follow-ups and the consent request). */
  private static final Set<String> REFERRAL_TASK_CODES = Set.of("fulfill", "choose-group");

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final Referrals referrals;
  private final Rerouting rerouting;
  private final FhirContext fhirContext;
  private final ClinicUpdates clinicUpdates;
  private final Enrolments enrolments;

  public ReferralTasks(
      JdbcClient jdbc, TransactionTemplate transaction, Referrals referrals, Rerouting rerouting, FhirContext fhirContext,
      ClinicUpdates clinicUpdates, Enrolments enrolments) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.referrals = referrals;
    this.rerouting = rerouting;
    this.fhirContext = fhirContext;
    this.clinicUpdates = clinicUpdates;
    this.enrolments = enrolments;
  }

  /**
   * A requested change to a Task.
   *
   * @param expectedVersion the version the change was made to ({@code If-Match}); null to take the current one
   * @param actor who asks (the authenticated client), for the record
   */
  public record Change(String taskId, Task proposed, Integer expectedVersion, Side side, String actor) {}

  /** The Task as stored after the change, and the announcement of the Task that took over from a declined one (or null). */
  public record Updated(Task task, Announcement announcement) {}

  public Updated update(Change change) {
    return transaction.execute(status -> apply(change));
  }

  private Updated apply(Change change) {
    Stored current = stored(change.taskId()).orElseThrow(() -> new TaskUpdateRefused(NOT_FOUND, "Task.id", "no Task " + change.taskId()));
    if (change.expectedVersion() != null && change.expectedVersion() != current.version()) {
      throw new TaskUpdateRefused(STALE_VERSION, "Task.meta.versionId",
          "the Task is at version " + current.version() + ", the update was made to version " + change.expectedVersion());
    }
    Task next = reviewed(current.task(), change.proposed(), change.side());
    Instant now = Instant.now();
    store(current, next, change.actor(), now);
    TaskStatus was = current.task().getStatus();
    Announcement announcement = null;
    if (was != TaskStatus.REJECTED && next.getStatus() == TaskStatus.REJECTED && "fulfill".equals(current.code())) {
      announcement = handOver(current, next, now);
    }
    return new Updated(next, announcement);
  }

  /**
   * A move the service makes itself, outside the users' lifecycle: completing the obtain-consent Task
   * when a consent arrives, cancelling open Tasks when it is revoked.
   */
  public Task systemMove(String taskId, TaskStatus to, String reason, String actor) {
    return systemChange(taskId, next -> {
      next.setStatus(to);
      next.setStatusReason(reason == null ? null : new CodeableConcept().setText(reason));
      BusinessStatus after = BusinessStatus.after(to);
      if (after != null) {
        next.setBusinessStatus(new CodeableConcept(new Coding(TaskLifecycle.BSER_BUSINESS_STATUS, after.code, after.display)));
      }
    }, actor);
  }

  /** A change the service makes itself (a move, an escalation), stored like any other. */
  public Task systemChange(String taskId, java.util.function.Consumer<Task> change, String actor) {
    return transaction.execute(status -> {
      Stored current = stored(taskId).orElseThrow(() -> new TaskUpdateRefused(NOT_FOUND, "Task.id", "no Task " + taskId));
      Task next = current.task().copy();
      change.accept(next);
      store(current, next, actor, Instant.now());
      return next;
    });
  }

  /** The referral's Tasks still open (not in a final status), oldest first. */
  public List<String> openTasks(String referralId) {
    return jdbc.sql("select id from referral_task where referral_id = :id and status not in"
            + " ('rejected', 'cancelled', 'failed', 'completed', 'entered-in-error') order by attempt, last_updated")
        .param("id", referralId)
        .query(String.class)
        .list();
  }

  /** The next version of the Task, its search facts, and an event when its status or business status changed. */
  private void store(Stored current, Task next, String actor, Instant now) {
    next.setLastModified(Date.from(now));
    if (!referrals.updateResource(next, current.version(), now)) {
      throw new TaskUpdateRefused(STALE_VERSION, "Task.meta.versionId", "the Task was changed at the same time; read it again");
    }
    jdbc.sql("update referral_task set status = :status, business_status = :businessStatus, owner_ref = :owner,"
            + " version_id = version_id + 1, last_updated = :now where id = :id")
        .param("status", next.getStatus().toCode())
        .param("businessStatus", businessStatusCode(next))
        .param("owner", next.hasOwner() ? next.getOwner().getReference() : null)
        .param("now", Timestamp.from(now))
        .param("id", next.getIdElement().getIdPart())
        .update();
    TaskStatus was = current.task().getStatus();
    if (was != next.getStatus() || !sameCode(businessStatusCode(current.task()), businessStatusCode(next))) {
      enrolments.changed(current.referralId(), REFERRAL_TASK_CODES.contains(current.code()), was, next, now);
      recordEvent(current.referralId(), next, was, actor, now);
    }
  }

  /**
   * The proposed Task, checked against the current one: only status, statusReason, businessStatus,
   * output and note change (and the owner, while nobody owns the Task), along the lifecycle.
   */
  private static Task reviewed(Task current, Task proposed, Side side) {
    TaskLifecycle.Refusal refusal = TaskLifecycle.refusal(current.getStatus(), proposed.getStatus(), side);
    if (refusal != null) {
      throw new TaskUpdateRefused(switch (refusal.kind()) {
        case CONFLICT -> CONFLICT;
        case NOT_PERMITTED -> NOT_PERMITTED;
        case INVALID -> INVALID;
      }, "Task.status", refusal.message());
    }
    Task unchangeable = proposed.copy();
    unchangeable.setMeta(current.getMeta().copy());
    unchangeable.setText(current.getText());
    unchangeable.setStatus(current.getStatus());
    unchangeable.setStatusReason(current.getStatusReason());
    unchangeable.setBusinessStatus(current.getBusinessStatus());
    unchangeable.setOutput(current.getOutput());
    unchangeable.setNote(current.getNote());
    unchangeable.setLastModifiedElement(current.getLastModifiedElement());
    boolean choosesGroup = !current.hasOwner() && proposed.hasOwner();
    if (choosesGroup) {
      if (side != Side.PERFORMER || !proposed.getOwner().getReferenceElement().getResourceType().equals("HealthcareService")) {
        throw new TaskUpdateRefused(INVALID, "Task.owner", "a coordinator may set the owner of an unowned Task to a HealthcareService (the group)");
      }
      unchangeable.setOwner(null);
    }
    unchangeable.setIdElement(current.getIdElement());
    String changed = firstDifference(unchangeable, current);
    if (changed != null) {
      throw new TaskUpdateRefused(INVALID, "Task." + changed, "Task." + changed + " cannot change: only status, statusReason,"
          + " businessStatus, output and note can (and owner, while the Task has none); read the Task again and change only those");
    }
    Task next = current.copy();
    next.setStatus(proposed.getStatus());
    next.setStatusReason(proposed.getStatusReason());
    next.setOutput(proposed.getOutput());
    next.setNote(proposed.getNote());
    if (choosesGroup) {
      next.setOwner(proposed.getOwner());
    }
    if (next.getStatus() == TaskStatus.REJECTED && !hasReason(next)) {
      throw new TaskUpdateRefused(INVALID, "Task.statusReason", "a rejected Task needs a statusReason with text, and ideally a referral-decline-reasons code (group-full, not-a-fit, unreachable, person-declined, other)");
    }
    next.setBusinessStatus(proposed.getBusinessStatus());
    boolean businessStatusChanged = !sameCode(businessStatusCode(current), businessStatusCode(proposed));
    if (!businessStatusChanged && current.getStatus() != proposed.getStatus() && BusinessStatus.after(proposed.getStatus()) != null) {
      next.setBusinessStatus(null);
      BusinessStatus after = BusinessStatus.after(proposed.getStatus());
      next.getBusinessStatus().addCoding(new Coding(TaskLifecycle.BSER_BUSINESS_STATUS, after.code, after.display));
    } else if (businessStatusChanged && next.hasBusinessStatus()) {
      checkBusinessStatus(next);
    }
    return next;
  }

  /** The first element whose value differs between the two Tasks, or null when they are the same. */
  private static String firstDifference(Task a, Task b) {
    for (org.hl7.fhir.r4.model.Property property : a.children()) {
      List<org.hl7.fhir.r4.model.Base> left = property.getValues();
      List<org.hl7.fhir.r4.model.Base> right = b.getNamedProperty(property.getName()).getValues();
      if (!org.hl7.fhir.r4.model.Base.compareDeep(left, right, true)) {
        return property.getName();
      }
    }
    return null;
  }

  private static void checkBusinessStatus(Task task) {
    Coding coding = task.getBusinessStatus().getCoding().stream()
        .filter(c -> TaskLifecycle.BSER_BUSINESS_STATUS.equals(c.getSystem()))
        .findFirst()
        .orElseThrow(() -> new TaskUpdateRefused(INVALID, "Task.businessStatus",
            "businessStatus needs a code from " + TaskLifecycle.BSER_BUSINESS_STATUS));
    BusinessStatus status = BusinessStatus.fromCode(coding.getCode());
    if (status == null) {
      throw new TaskUpdateRefused(INVALID, "Task.businessStatus", "unknown BSeR business status " + coding.getCode());
    }
    if (!status.goesWith(task.getStatus())) {
      throw new TaskUpdateRefused(INVALID, "Task.businessStatus",
          "business status " + status.code + " (" + status.display + ") does not go with status " + task.getStatus().toCode());
    }
  }

  private Announcement handOver(Stored declined, Task task, Instant now) {
    List<String> tried = jdbc.sql("select owner_ref from referral_task where referral_id = :id and code = 'fulfill' and owner_ref is not null")
        .param("id", declined.referralId())
        .query(String.class)
        .list();
    List<String> untried = new ArrayList<>();
    for (String groupId : jdbc.sql("select group_id from referral_offer where referral_id = :id order by offer_rank")
        .param("id", declined.referralId()).query(String.class).list()) {
      if (!tried.contains("HealthcareService/" + groupId)) {
        untried.add(groupId);
      }
    }
    int attempts = jdbc.sql("select max(attempt) from referral_task where referral_id = :id").param("id", declined.referralId())
        .query(Integer.class).single();
    ServiceRequest request = referrals.serviceRequest(task.getFocus().getReferenceElement().getIdPart()).orElseThrow();
    Patient patient = referrals.patient(task.getFor().getReferenceElement().getIdPart()).orElseThrow();
    Rerouting.Handover handover = rerouting.afterDecline(
        new Rerouting.Declined(declined.referralId(), declined.patientKey(), task, attempts, untried, request, patient));
    referrals.insertTask(declined.referralId(), handover.task(), attempts + 1, now);
    if (handover.serviceRequest() != null) {
      int version = Integer.parseInt(request.getMeta().getVersionId());
      if (!referrals.updateResource(handover.serviceRequest(), version, now)) {
        throw new TaskUpdateRefused(STALE_VERSION, "ServiceRequest", "the referral was changed at the same time; try again");
      }
    }
    jdbc.sql("update referral set group_id = :groupId, program = :program, region = :region where id = :id")
        .param("groupId", handover.groupId())
        .param("program", handover.program())
        .param("region", handover.region())
        .param("id", declined.referralId())
        .update();
    recordEvent(declined.referralId(), handover.task(), null, "aftercare-bridge", now);
    if (handover.announcement() != null) {
      referrals.insertAnnouncement(declined.referralId(), handover.announcement(), now);
    }
    return handover.announcement();
  }

  private void recordEvent(String referralId, Task task, TaskStatus from, String actor, Instant now) {
    jdbc.sql("insert into referral_event (id, referral_id, task_id, occurred_at, from_status, to_status, business_status, reason, actor)"
            + " values (:id, :referralId, :taskId, :at, :from, :to, :businessStatus, :reason, :actor)")
        .param("id", UUID.randomUUID().toString())
        .param("referralId", referralId)
        .param("taskId", task.getIdElement().getIdPart())
        .param("at", Timestamp.from(now))
        .param("from", from == null ? null : from.toCode())
        .param("to", task.getStatus().toCode())
        .param("businessStatus", businessStatusCode(task))
        .param("reason", task.hasStatusReason() && task.getStatusReason().hasCoding() ? truncate(task.getStatusReason().getCodingFirstRep().getCode()) : null)
        .param("actor", truncate(actor))
        .update();
    clinicUpdates.changed(referralId, task.getIdElement().getIdPart(), now);
  }

  /** A Task created by the service (a released referral's first), recorded as a change like any other. */
  void created(String referralId, Task task, String actor) {
    recordEvent(referralId, task, null, actor, Instant.now());
  }

  public Optional<Task> read(String id) {
    return stored(id).map(Stored::task);
  }

  /** Task search: every criterion given must hold; newest change first. */
  public record Search(
      List<String> statuses, String owner, String patientId, String focus, String code, Instant updatedFrom, Instant updatedTo,
      ReferralVisibility visibility, int offset, int count) {

    public Search page(int pageOffset, int pageCount) {
      return new Search(statuses, owner, patientId, focus, code, updatedFrom, updatedTo, visibility, pageOffset, pageCount);
    }
  }

  /** Whether the Task belongs to a referral the caller may see (false too when there is no such Task). */
  public boolean visible(String taskId, ReferralVisibility visibility) {
    return visibility.seesAny(jdbc, "referral_task t join referral r on r.id = t.referral_id", new SqlWhere().and("t.id = ?", taskId));
  }

  public record Page(int total, List<Task> tasks) {}

  public Page search(Search search) {
    SqlWhere where = new SqlWhere()
        .andIn("t.status", search.statuses())
        .and("t.owner_ref = ?", search.owner())
        .and("t.patient_id = ?", search.patientId())
        .and("t.focus_ref = ?", search.focus())
        .and("t.code = ?", search.code())
        .and("t.last_updated >= ?", search.updatedFrom() == null ? null : Timestamp.from(search.updatedFrom()))
        .and("t.last_updated < ?", search.updatedTo() == null ? null : Timestamp.from(search.updatedTo()));
    search.visibility().restrict(where);
    String tasks = " from referral_task t join referral r on r.id = t.referral_id";
    int total = jdbc.sql("select count(*)" + tasks + where.sql()).params(where.params()).query(Integer.class).single();
    if (search.count() == 0) {
      return new Page(total, List.of());
    }
    List<Task> found = jdbc.sql("select c.content" + tasks + " join referral_resource c on c.resource_type = 'Task' and c.id = t.id"
            + where.sql() + " order by t.last_updated desc, t.id limit ? offset ?")
        .params(where.paramsAndPage(search.count(), search.offset()))
        .query(String.class)
        .list()
        .stream()
        .map(json -> fhirContext.newJsonParser().parseResource(Task.class, json))
        .toList();
    return new Page(total, found);
  }

  private Optional<Stored> stored(String taskId) {
    return jdbc.sql("select t.referral_id, t.code, t.version_id, r.patient_key, c.content from referral_task t"
            + " join referral r on r.id = t.referral_id"
            + " join referral_resource c on c.resource_type = 'Task' and c.id = t.id where t.id = :id")
        .param("id", taskId)
        .query((rs, n) -> new Stored(rs.getString("referral_id"), rs.getString("code"), rs.getInt("version_id"), rs.getString("patient_key"),
            fhirContext.newJsonParser().parseResource(Task.class, rs.getString("content"))))
        .optional();
  }

  private record Stored(String referralId, String code, int version, String patientKey, Task task) {}

  private static boolean hasReason(Task task) {
    return task.hasStatusReason() && task.getStatusReason().hasText();
  }

  private static String businessStatusCode(Task task) {
    return task.hasBusinessStatus() ? task.getBusinessStatus().getCodingFirstRep().getCode() : null;
  }

  private static boolean sameCode(String a, String b) {
    return a == null ? b == null : a.equals(b);
  }

  private static String truncate(String value) {
    return value == null || value.length() <= 80 ? value : value.substring(0, 80);
  }
}
