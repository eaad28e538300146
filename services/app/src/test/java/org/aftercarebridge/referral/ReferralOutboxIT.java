package org.aftercarebridge.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.aftercarebridge.support.Outbox;
import org.aftercarebridge.support.ServiceUnderTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The outbox between database and queue: an announcement whose publish was not recorded (a crash
 * after the send) is sent again and dropped by the broker's duplicate detection; one that never got
 * out (a crash before the send, or the broker down) is published by the sweep.
 */
class ReferralOutboxIT extends ServiceUnderTest {

  @Autowired ReferralOutbox outbox;

  @Test
  void aRepublishAfterACrashIsDroppedByTheBroker() {
    String taskId = refer();
    assertThat(receiveAll("aftercare.referrals", "taskId = '" + taskId + "'", 5000)).hasSize(1);

    jdbc.sql("update referral_outbox set published_at = null, claimed_until = null where task_id = ?").param(taskId).update();
    Outbox.awaitPublished(jdbc, taskId);

    assertThat(receiveAll("aftercare.referrals", "taskId = '" + taskId + "'", 3000)).isEmpty();
  }

  @Test
  void oneSenderAtATime() {
    String taskId = refer();
    assertThat(receiveAll("aftercare.referrals", "taskId = '" + taskId + "'", 5000)).hasSize(1);
    String id = "claimed-" + taskId;
    jdbc.sql("update referral_outbox set id = ?, published_at = null, claimed_until = null where task_id = ?").param(id).param(taskId).update();
    try {
      assertThat(outbox.claim(id)).isTrue();
      assertThat(outbox.claim(id)).as("taken while someone sends it").isFalse();
      assertThat(outbox.unpublished(Duration.ZERO, 1000)).extracting(Announcement::id).doesNotContain(id);
      outbox.release(id);
    } finally {
      Outbox.awaitPublished(jdbc, taskId); // released: the sweep sends it
    }
    assertThat(receiveAll("aftercare.referrals", "taskId = '" + taskId + "'", 5000)).hasSize(1);
  }

  @Test
  void anAnnouncementThatNeverGotOutIsPublishedByTheSweep() {
    String taskId = refer();
    assertThat(receiveAll("aftercare.referrals", "taskId = '" + taskId + "'", 5000)).hasSize(1);

    // as if the immediate publish had failed: a new announcement id the broker has never seen
    jdbc.sql("update referral_outbox set id = ?, published_at = null, claimed_until = null where task_id = ?")
        .param("resent-" + taskId)
        .param(taskId)
        .update();
    Outbox.awaitPublished(jdbc, taskId);

    assertThat(receiveAll("aftercare.referrals", "taskId = '" + taskId + "'", 5000)).hasSize(1);
  }

  private String refer() {
    String taskId = referralTask();
    Outbox.awaitPublished(jdbc, taskId);
    return taskId;
  }

}
