package org.aftercarebridge.referral;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records referrals and reads their resources back.
 *
 * <p>A referral, its resources and its announcement are written in one transaction, so there is never
 * a half-written referral nor a referral nobody is told about. Unique constraints on the source
 * message make a duplicate impossible even when two copies arrive at once on two replicas.
 */
@Service
public class Referrals {

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final FhirContext fhirContext;
  private final FollowUpPlan followUps;

  public Referrals(JdbcClient jdbc, TransactionTemplate transaction, FhirContext fhirContext, FollowUpPlan followUps) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.fhirContext = fhirContext;
    this.followUps = followUps;
  }

  /**
   * The Task of the referral this message already produced, if any. Two lookups, one per unique key: with
   * "bundle or message" in one condition H2 reads every referral of the sender (one index per table scan).
   */
  public Optional<String> taskFor(SourceMessage source) {
    return jdbc.sql(
            "select task_id from referral where source_sender = :sender and source_bundle_id = :bundleId"
                + " union select task_id from referral where source_sender = :sender and source_message_id = :messageId")
        .param("sender", source.sender())
        .param("bundleId", source.bundleId())
        .param("messageId", source.messageHeaderId())
        .query(String.class)
        .list()
        .stream()
        .findFirst();
  }

  /**
   * Records the referral and, in the same transaction, what must commit with it (its audit entries):
   * one commit per referral instead of one per row group.
   */
  public RecordedReferral record(Referral referral, Runnable withIt) {
    try {
      transaction.executeWithoutResult(status -> {
        insert(referral);
        withIt.run();
      });
      return new RecordedReferral(referral.taskId(), true);
    } catch (DuplicateKeyException raceWithACopy) {
      return taskFor(referral.source())
          .map(taskId -> new RecordedReferral(taskId, false))
          .orElseThrow(() -> raceWithACopy);
    }
  }

  public Optional<Task> task(String id) {
    return resource(Task.class, id);
  }

  public Optional<Patient> patient(String id) {
    return resource(Patient.class, id);
  }

  public Optional<ServiceRequest> serviceRequest(String id) {
    return resource(ServiceRequest.class, id);
  }

  private void insert(Referral referral) {
    Instant now = Instant.now();
    jdbc.sql(
            "insert into referral (id, task_id, service_request_id, patient_id, patient_key, region, group_id,"
                + " program, source_sender, source_bundle_id, source_message_id, discharged_at, created_at)"
                + " values (:id, :taskId, :serviceRequestId, :patientId, :patientKey, :region, :groupId,"
                + " :program, :sender, :bundleId, :messageId, :dischargedAt, :createdAt)")
        .param("id", referral.id())
        .param("taskId", referral.taskId())
        .param("serviceRequestId", referral.serviceRequest().getIdElement().getIdPart())
        .param("patientId", referral.patient().getIdElement().getIdPart())
        .param("patientKey", referral.patientKey())
        .param("region", referral.region())
        .param("groupId", referral.groupId())
        .param("program", referral.program())
        .param("sender", referral.source().sender())
        .param("bundleId", referral.source().bundleId())
        .param("messageId", referral.source().messageHeaderId())
        .param("dischargedAt", referral.dischargedAt() == null ? null : Timestamp.from(referral.dischargedAt()))
        .param("createdAt", Timestamp.from(now))
        .update();
    insertResource(referral.id(), referral.patient(), now);
    insertResource(referral.id(), referral.serviceRequest(), now);
    insertTask(referral.id(), referral.task(), 1, now);
    insertOffers(referral.id(), referral.offeredGroupIds());
    if (referral.consent() != null) {
      insertResource(referral.id(), referral.consent(), now);
    }
    if (referral.held() != null) {
      jdbc.sql("insert into referral_held (referral_id, message, held_at) values (:id, :message, :now)")
          .param("id", referral.id())
          .param("message", referral.held().messageJson())
          .param("now", Timestamp.from(now))
          .update();
    } else {
      insertAnnouncement(referral.id(), referral.announcement(), now);
      planFollowUps(referral.id(), referral.dischargedAt() == null ? now : referral.dischargedAt());
    }
  }

  /** The referral's follow-ups, from discharge; those already due go out with the scheduler's next round. */
  private void planFollowUps(String referralId, Instant dischargedAt) {
    for (FollowUpPlan.Scheduled scheduled : followUps.schedule(dischargedAt)) {
      jdbc.sql("insert into followup (id, referral_id, kind, due_at, done_by, state) values (:id, :referralId, :kind, :dueAt, :doneBy, 'planned')")
          .param("id", UUID.randomUUID().toString())
          .param("referralId", referralId)
          .param("kind", scheduled.item().kind())
          .param("dueAt", Timestamp.from(scheduled.dueAt()))
          .param("doneBy", Timestamp.from(scheduled.doneBy()))
          .update();
    }
  }

  /**
   * What a held referral gains when a consent releases it: the ServiceRequest's next version, the
   * fulfilment Task, the offers and the announcement; it is held no more.
   */
  void release(HeldReferral held, Referral released, Instant now) {
    int version = jdbc.sql("select version_id from referral_resource where resource_type = 'ServiceRequest' and id = :id")
        .param("id", held.serviceRequestId())
        .query(Integer.class)
        .single();
    if (!updateResource(released.serviceRequest(), version, now)) {
      throw new IllegalStateException("ServiceRequest/" + held.serviceRequestId() + " changed while it was released");
    }
    insertTask(held.referralId(), released.task(), 1, now);
    insertOffers(held.referralId(), released.offeredGroupIds());
    insertAnnouncement(held.referralId(), released.announcement(), now);
    jdbc.sql("update referral set region = :region, group_id = :groupId, program = :program where id = :id")
        .param("region", released.region())
        .param("groupId", released.groupId())
        .param("program", released.program())
        .param("id", held.referralId())
        .update();
    jdbc.sql("delete from referral_held where referral_id = :id").param("id", held.referralId()).update();
    planFollowUps(held.referralId(), released.dischargedAt() == null ? now : released.dischargedAt());
  }

  private void insertOffers(String referralId, List<String> groupIds) {
    for (int rank = 0; rank < groupIds.size(); rank++) {
      jdbc.sql("insert into referral_offer (referral_id, offer_rank, group_id) values (:referralId, :rank, :groupId)")
          .param("referralId", referralId)
          .param("rank", rank + 1)
          .param("groupId", groupIds.get(rank))
          .update();
    }
  }

  /** A new Task of the referral, version 1, with the facts it is searched by. */
  void insertTask(String referralId, Task task, int attempt, Instant now) {
    insertResource(referralId, task, now);
    jdbc.sql(
            "insert into referral_task (id, referral_id, code, status, business_status, owner_ref, patient_id, focus_ref,"
                + " attempt, version_id, last_updated) values (:id, :referralId, :code, :status, :businessStatus, :owner,"
                + " :patientId, :focus, :attempt, 1, :lastUpdated)")
        .param("id", task.getIdElement().getIdPart())
        .param("referralId", referralId)
        .param("code", task.getCode().getCodingFirstRep().getCode())
        .param("status", task.getStatus().toCode())
        .param("businessStatus", task.hasBusinessStatus() ? task.getBusinessStatus().getCodingFirstRep().getCode() : null)
        .param("owner", task.hasOwner() ? task.getOwner().getReference() : null)
        .param("patientId", task.getFor().getReferenceElement().getIdPart())
        .param("focus", task.getFocus().getReference())
        .param("attempt", attempt)
        .param("lastUpdated", Timestamp.from(now))
        .update();
  }

  /**
   * Records the announcement of a changed Task alone, with the referral's routing facts (region,
   * program, person key) and nothing about the person: to the referrals queue ({@code queue} null)
   * as a Bundle holding just the Task, to another queue (follow-ups, escalations) as the Task.
   */
  Announcement announceTask(String referralId, Task task, String queue, Instant now) {
    record Facts(String patientKey, String region, String program) {}
    Facts facts = jdbc.sql("select patient_key, region, program from referral where id = :id")
        .param("id", referralId)
        .query((rs, n) -> new Facts(rs.getString("patient_key"), rs.getString("region"), rs.getString("program")))
        .single();
    Resource payload = task;
    if (queue == null) {
      Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION).setTimestamp(Date.from(now));
      bundle.setId(UUID.randomUUID().toString());
      bundle.addEntry().setResource(task);
      payload = bundle;
    }
    Announcement announcement = new Announcement(
        UUID.randomUUID().toString(),
        task.getIdElement().getIdPart(),
        facts.region(),
        task.getPriority() == null ? "routine" : task.getPriority().toCode(),
        facts.patientKey(),
        parser().encodeResourceToString(payload),
        queue,
        facts.program());
    insertAnnouncement(referralId, announcement, now);
    return announcement;
  }

  void insertAnnouncement(String referralId, Announcement announcement, Instant now) {
    jdbc.sql(
            "insert into referral_outbox (id, referral_id, task_id, region, priority, group_key, payload, destination, program,"
                + " correlation_id, created_at) values (:id, :referralId, :taskId, :region, :priority, :groupKey, :payload, :destination,"
                + " :program, :correlationId, :createdAt)")
        .param("id", announcement.id())
        .param("referralId", referralId)
        .param("taskId", announcement.taskId())
        .param("region", announcement.region())
        .param("priority", announcement.priority())
        .param("groupKey", announcement.groupKey())
        .param("payload", announcement.payload())
        .param("destination", announcement.destination())
        .param("program", announcement.program())
        .param("correlationId", announcement.correlationId())
        .param("createdAt", Timestamp.from(now))
        .update();
  }

  void insertResource(String referralId, Resource resource, Instant now) {
    resource.getMeta().setVersionId("1").setLastUpdated(Date.from(now));
    keepServiceRequestStatus(resource);
    jdbc.sql(
            "insert into referral_resource (resource_type, id, version_id, last_updated, referral_id, content)"
                + " values (:type, :id, 1, :lastUpdated, :referralId, :content)")
        .param("type", resource.fhirType())
        .param("id", resource.getIdElement().getIdPart())
        .param("lastUpdated", Timestamp.from(now))
        .param("referralId", referralId)
        .param("content", parser().encodeResourceToString(resource))
        .update();
  }

  /**
   * Stores the next version of a resource, if nobody stored one since {@code version} was read;
   * false when somebody did (optimistic locking across replicas).
   */
  boolean updateResource(Resource resource, int version, Instant now) {
    resource.getMeta().setVersionId(Integer.toString(version + 1)).setLastUpdated(Date.from(now));
    keepServiceRequestStatus(resource);
    return jdbc.sql(
            "update referral_resource set version_id = :next, last_updated = :lastUpdated, content = :content"
                + " where resource_type = :type and id = :id and version_id = :version")
        .param("next", version + 1)
        .param("lastUpdated", Timestamp.from(now))
        .param("content", parser().encodeResourceToString(resource))
        .param("type", resource.fhirType())
        .param("id", resource.getIdElement().getIdPart())
        .param("version", version)
        .update() == 1;
  }

  /** The referral row keeps its ServiceRequest's status, for searches. */
  private void keepServiceRequestStatus(Resource resource) {
    if (resource instanceof ServiceRequest request && request.getStatus() != null) {
      jdbc.sql("update referral set service_request_status = :status where service_request_id = :id")
          .param("status", request.getStatus().toCode())
          .param("id", request.getIdElement().getIdPart())
          .update();
    }
  }

  /** ServiceRequest search: every criterion given must hold; newest first. */
  public record RequestSearch(String patientId, String status, String groupId, ReferralVisibility visibility, int offset, int count) {

    public RequestSearch page(int pageOffset, int pageCount) {
      return new RequestSearch(patientId, status, groupId, visibility, pageOffset, pageCount);
    }
  }

  public record RequestPage(int total, List<ServiceRequest> requests) {}

  /** Whether the Patient is the subject of a referral the caller may see (false too when there is none). */
  public boolean patientVisible(String patientId, ReferralVisibility visibility) {
    return visibility.seesAny(jdbc, "referral r", new SqlWhere().and("r.patient_id = ?", patientId));
  }

  /** Whether the ServiceRequest is of a referral the caller may see (false too when there is no such referral). */
  public boolean serviceRequestVisible(String id, ReferralVisibility visibility) {
    return visibility.seesAny(jdbc, "referral r", new SqlWhere().and("r.service_request_id = ?", id));
  }

  public RequestPage searchServiceRequests(RequestSearch search) {
    SqlWhere where = new SqlWhere()
        .and("r.patient_id = ?", search.patientId())
        .and("r.service_request_status = ?", search.status())
        .and("r.group_id = ?", search.groupId());
    search.visibility().restrict(where);
    int total = jdbc.sql("select count(*) from referral r" + where.sql()).params(where.params()).query(Integer.class).single();
    if (search.count() == 0) {
      return new RequestPage(total, List.of());
    }
    List<ServiceRequest> requests = jdbc.sql("select c.content from referral r"
            + " join referral_resource c on c.resource_type = 'ServiceRequest' and c.id = r.service_request_id"
            + where.sql() + " order by r.created_at desc, r.id limit ? offset ?")
        .params(where.paramsAndPage(search.count(), search.offset()))
        .query(String.class)
        .list()
        .stream()
        .map(json -> parser().parseResource(ServiceRequest.class, json))
        .toList();
    return new RequestPage(total, requests);
  }

  public Optional<Observation> observation(String id) {
    return resource(Observation.class, id);
  }

  /** Whether the resource (an Observation recorded for a referral) belongs to a referral the caller may see. */
  public boolean referralResourceVisible(String type, String id, ReferralVisibility visibility) {
    return visibility.seesAny(jdbc, "referral r join referral_resource c on c.referral_id = r.id",
        new SqlWhere().and("c.resource_type = ?", type).and("c.id = ?", id));
  }

  /** The enrolment-status Observations of the referrals the caller may see, optionally of one patient; newest first. */
  public List<Observation> enrolmentStatuses(String patientId, ReferralVisibility visibility, int limit) {
    SqlWhere where = new SqlWhere().and("c.resource_type = ?", "Observation").and("r.patient_id = ?", patientId);
    visibility.restrict(where);
    return jdbc.sql("select c.content from referral r join referral_resource c on c.referral_id = r.id"
            + where.sql() + " order by c.last_updated desc, c.id limit ? offset ?")
        .params(where.paramsAndPage(limit, 0))
        .query(String.class)
        .list()
        .stream()
        .map(json -> parser().parseResource(Observation.class, json))
        .toList();
  }

  private <T extends IBaseResource> Optional<T> resource(Class<T> type, String id) {
    return jdbc.sql("select content from referral_resource where resource_type = :type and id = :id")
        .param("type", fhirContext.getResourceType(type))
        .param("id", id)
        .query(String.class)
        .optional()
        .map(json -> parser().parseResource(type, json));
  }

  private IParser parser() {
    return fhirContext.newJsonParser();
  }
}
