package org.aftercarebridge.referral;

import ca.uhn.fhir.context.FhirContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The 42 CFR Part 2 consents of referrals as the data side sees them: kept with the referral whose
 * Patient they are about, a held referral released in one transaction when a consent covers it, and
 * everything not yet disclosed stopped in one transaction when the consent is revoked.
 */
@Service
public class ReferralConsents {

  private static final String SERVICE = "aftercare-bridge";

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final Referrals referrals;
  private final ReferralTasks tasks;
  private final FhirContext fhirContext;

  public ReferralConsents(JdbcClient jdbc, TransactionTemplate transaction, Referrals referrals, ReferralTasks tasks, FhirContext fhirContext) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.referrals = referrals;
    this.tasks = tasks;
    this.fhirContext = fhirContext;
  }

  /** A consent as stored, the version it replaced (null for a new one), and the referral it belongs to. */
  public record Saved(String referralId, Consent previous, Consent consent) {}

  /** The referral whose Patient this is ({@code Patient/<id>} as our Tasks name it). */
  public Optional<String> referralOfPatient(String patientId) {
    return jdbc.sql("select id from referral where patient_id = :id").param("id", patientId).query(String.class).optional();
  }

  public Optional<Consent> read(String id) {
    return jdbc.sql("select content from referral_resource where resource_type = 'Consent' and id = :id")
        .param("id", id)
        .query(String.class)
        .optional()
        .map(json -> fhirContext.newJsonParser().parseResource(Consent.class, json));
  }

  /** Stores a new consent ({@code id} null) or the next version of one, for the referral given. */
  public Saved save(String referralId, String id, Consent consent) {
    return transaction.execute(status -> {
      Instant now = Instant.now();
      if (id == null) {
        consent.setId(UUID.randomUUID().toString());
        referrals.insertResource(referralId, consent, now);
        return new Saved(referralId, null, consent);
      }
      Consent previous = read(id).orElseThrow();
      consent.setId(id);
      if (!referrals.updateResource(consent, Integer.parseInt(previous.getMeta().getVersionId()), now)) {
        throw new TaskUpdateRefused(TaskUpdateRefused.Reason.STALE_VERSION, "Consent", "the Consent was changed at the same time; send it again");
      }
      return new Saved(referralId, previous, consent);
    });
  }

  /** The referral of this id if it is held for consent. */
  public Optional<HeldReferral> held(String referralId) {
    return jdbc.sql("select r.id, r.source_sender, r.source_bundle_id, r.source_message_id, r.patient_id, r.service_request_id,"
            + " r.task_id, h.message from referral_held h join referral r on r.id = h.referral_id where r.id = :id")
        .param("id", referralId)
        .query((rs, n) -> new HeldReferral(
            rs.getString("id"),
            new SourceMessage(rs.getString("source_sender"), rs.getString("source_bundle_id"), rs.getString("source_message_id")),
            rs.getString("patient_id"),
            rs.getString("service_request_id"),
            rs.getString("task_id"),
            rs.getString("message")))
        .optional();
  }

  /** Releases a held referral with what matching made of it once the consent arrived; the obtain-consent Task is done. */
  public void release(HeldReferral held, Referral released) {
    transaction.executeWithoutResult(status -> {
      referrals.release(held, released, Instant.now());
      tasks.created(held.referralId(), released.task(), SERVICE);
      tasks.systemMove(held.obtainConsentTaskId(), TaskStatus.COMPLETED, "consent received", SERVICE);
    });
  }

  /**
   * The consent no longer covers the referral: its open Tasks are cancelled, what was not yet
   * published is withdrawn, the ServiceRequest is revoked. Answers the announcements that tell the
   * coordinators — the cancelled Task alone, nothing about the person.
   */
  public List<Announcement> revoke(String referralId) {
    return transaction.execute(status -> {
      Instant now = Instant.now();
      jdbc.sql("update referral_outbox set withdrawn_at = :now where referral_id = :id and published_at is null and withdrawn_at is null")
          .param("now", Timestamp.from(now))
          .param("id", referralId)
          .update();
      String serviceRequestId = jdbc.sql("select service_request_id from referral where id = :id")
          .param("id", referralId).query(String.class).single();
      List<Task> cancelled = new ArrayList<>();
      for (String taskId : tasks.openTasks(referralId)) {
        Task task = tasks.systemMove(taskId, TaskStatus.CANCELLED, "consent revoked", SERVICE);
        if (!"obtain-consent".equals(task.getCode().getCodingFirstRep().getCode())) {
          cancelled.add(task);
        }
      }
      ServiceRequest request = referrals.serviceRequest(serviceRequestId).orElseThrow();
      int version = Integer.parseInt(request.getMeta().getVersionId());
      request.setStatus(ServiceRequest.ServiceRequestStatus.REVOKED);
      referrals.updateResource(request, version, now);
      jdbc.sql("delete from referral_held where referral_id = :id").param("id", referralId).update();
      jdbc.sql("update followup set state = 'cancelled' where referral_id = :id and state = 'planned'").param("id", referralId).update();
      return cancelled.stream().map(task -> referrals.announceTask(referralId, task, null, now)).toList();
    });
  }

}
