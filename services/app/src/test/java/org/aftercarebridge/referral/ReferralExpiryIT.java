package org.aftercarebridge.referral;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.jms.Message;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.aftercarebridge.support.Broker;
import org.aftercarebridge.support.Eventually;
import org.aftercarebridge.support.Outbox;
import org.aftercarebridge.support.ServiceClient;
import org.aftercarebridge.support.ServiceUnderTest;
import org.aftercarebridge.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Referrals nobody moves, with the clock moved forward: flagged overdue after a week (leads told,
 * priority raised), expired after a month (failed, coordinators told); one in progress never expires.
 */
class ReferralExpiryIT extends ServiceUnderTest {

  @AfterEach
  void clockBackAndQueuesDrained() {
    CLOCK.set(TestClock.LONG_AGO);
    Outbox.awaitAllPublished(jdbc);
    for (String queue : List.of("aftercare.referrals", "aftercare.followups", "aftercare.escalations")) {
      receiveAll(queue, null, 500);
    }
  }

  @Test
  void aReferralNobodyMovesIsFlaggedThenExpiredButOneInProgressIsNot() {
    String stalled = referralTask();
    String engaged = referralTask();
    move(engaged, "accepted");
    move(engaged, "in-progress");
    Outbox.awaitAllPublished(jdbc);
    receiveAll("aftercare.referrals", null, 500);

    CLOCK.set(Instant.now().plus(Duration.ofDays(8)));
    Eventually.await(() -> read(stalled).at("/meta/tag").findValuesAsText("code").contains("overdue"), "the overdue flag");
    assertThat(read(stalled).at("/priority").asText()).isEqualTo("urgent");
    assertThat(receiveAll("aftercare.escalations", "taskId = '" + stalled + "'", 3000)).hasSize(1);

    CLOCK.set(Instant.now().plus(Duration.ofDays(31)));
    Eventually.await(() -> read(stalled).at("/status").asText().equals("failed"), "expiry");
    JsonNode expired = read(stalled);
    assertThat(expired.at("/statusReason/text").asText()).startsWith("expired: no progress for 30 days");
    assertThat(expired.at("/businessStatus/coding/0/code").asText()).isEqualTo("6.0");
    List<Message> told = receiveAll("aftercare.referrals", "taskId = '" + stalled + "'", 3000);
    assertThat(told).hasSize(1);
    assertThat(ServiceClient.json(Broker.text(told.get(0))).at("/entry/0/resource/status").asText()).isEqualTo("failed");
    assertThat(read(engaged).at("/status").asText()).isEqualTo("in-progress");
  }


  private void move(String taskId, String status) {
    ObjectNode task = (ObjectNode) read(taskId).deepCopy();
    task.put("status", status);
    HttpResponse<String> moved = service().put("/fhir/Task/" + taskId, service().coordinatorToken(), FHIR_JSON, task.toString());
    assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
  }

  private JsonNode read(String taskId) {
    return ServiceClient.json(service().get("/fhir/Task/" + taskId, service().coordinatorToken(), FHIR_JSON).body());
  }


}
