package org.aftercarebridge.referral;

import static org.aftercarebridge.support.Fixtures.asJson;
import static org.aftercarebridge.support.Fixtures.freshDischarge;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aftercarebridge.support.ServiceUnderTest;
import org.junit.jupiter.api.Test;

/**
 * The outbox between database and queue: an announcement whose publish was not recorded (a crash
 * after the send) is sent again and dropped by the broker's duplicate detection; one that never got
 * out (a crash before the send, or the broker down) is published by the sweep.
 */
class ReferralOutboxIT extends ServiceUnderTest {

  private static final Pattern TASK_ID = Pattern.compile("Task/([0-9a-f-]{36})");

  @Test
  void aRepublishAfterACrashIsDroppedByTheBroker() {
    String taskId = refer();
    assertThat(receiveAll("aftercare.referrals", "taskId = '" + taskId + "'", 5000)).hasSize(1);

    jdbc.sql("update referral_outbox set published_at = null where task_id = ?").param(taskId).update();
    awaitPublished(taskId);

    assertThat(receiveAll("aftercare.referrals", "taskId = '" + taskId + "'", 3000)).isEmpty();
  }

  @Test
  void anAnnouncementThatNeverGotOutIsPublishedByTheSweep() {
    String taskId = refer();
    assertThat(receiveAll("aftercare.referrals", "taskId = '" + taskId + "'", 5000)).hasSize(1);

    // as if the immediate publish had failed: a new announcement id the broker has never seen
    jdbc.sql("update referral_outbox set id = ?, published_at = null where task_id = ?")
        .param("resent-" + taskId)
        .param(taskId)
        .update();
    awaitPublished(taskId);

    assertThat(receiveAll("aftercare.referrals", "taskId = '" + taskId + "'", 5000)).hasSize(1);
  }

  private String refer() {
    HttpResponse<String> response =
        service().postMessage(service().clinicToken(), FHIR_JSON, asJson(freshDischarge()));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Matcher matcher = TASK_ID.matcher(response.body());
    assertThat(matcher.find()).isTrue();
    String taskId = matcher.group(1);
    awaitPublished(taskId);
    return taskId;
  }

  /** Waits (not a timing assertion: up to 20 s) for the outbox to record the announcement as published. */
  private void awaitPublished(String taskId) {
    for (int i = 0; i < 200; i++) {
      Integer published =
          jdbc.sql("select count(*) from referral_outbox where task_id = ? and published_at is not null")
              .param(taskId)
              .query(Integer.class)
              .single();
      if (published == 1) {
        return;
      }
      sleep(100);
    }
    throw new AssertionError("announcement of Task/" + taskId + " was never published");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
