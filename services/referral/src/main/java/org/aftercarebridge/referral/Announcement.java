package org.aftercarebridge.referral;

import java.util.Objects;
import org.aftercarebridge.correlation.CorrelationId;

/**
 * The queue message that tells coordinators about a new referral, stored in the same transaction as
 * the referral (transactional outbox) and published from there.
 *
 * @param id also the broker's duplicate-detection id, so a re-publish after a crash is dropped
 * @param payload the referral Bundle (FHIR JSON)
 * @param groupKey stable pseudonymous patient key, the JMSXGroupID that keeps one person's messages in order
 * @param priority {@code routine} or {@code urgent}
 * @param destination the queue it goes to; null for the referrals queue
 * @param program the referral's program (recovery-programs code), null when none: with the region, it
 *     decides which coordinator team's queue a referral is diverted to
 * @param correlationId the id of the work that made it (intake to queue); null when there was none
 */
public record Announcement(
    String id, String taskId, String region, String priority, String groupKey, String payload, String destination, String program,
    String correlationId) {

  /** A new announcement, made by the work in hand (its correlation id). */
  public Announcement(
      String id, String taskId, String region, String priority, String groupKey, String payload, String destination, String program) {
    this(id, taskId, region, priority, groupKey, payload, destination, program, CorrelationId.current());
  }

  public Announcement {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(groupKey, "groupKey");
    Objects.requireNonNull(payload, "payload");
  }
}
