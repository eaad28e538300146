package org.aftercarebridge.referral;

import static org.aftercarebridge.support.Fixtures.asJson;
import static org.aftercarebridge.support.Fixtures.freshDischarge;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Message;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.aftercarebridge.support.Broker;
import org.aftercarebridge.support.Eventually;
import org.aftercarebridge.support.Outbox;
import org.aftercarebridge.support.ServiceClient;
import org.aftercarebridge.support.ServiceUnderTest;
import org.aftercarebridge.support.TestClock;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Follow-ups with a clock the test controls, on two application instances sharing one database
 * and broker: each comes due in order and is published exactly once, while the scheduling moves
 * from one instance to the other (one stops, the other takes the lease) and back after a restart;
 * the ones left undone are escalated to the coordinator leads, once each.
 */
class FollowUpIT extends ServiceUnderTest {

  /** The Da Vinci example's discharge. */
  private static final Instant DISCHARGED = Instant.parse("2018-10-24T05:22:15Z");
  @Autowired CamelContext camel;
  private final List<ConfigurableApplicationContext> others = new ArrayList<>();

  @AfterEach
  void stopTheOtherInstances() throws Exception {
    others.forEach(ConfigurableApplicationContext::close);
    CLOCK.set(TestClock.LONG_AGO);
    camel.getRouteController().startRoute("followups");
    Outbox.awaitAllPublished(jdbc);
    receiveAll("aftercare.referrals", null, 500);
    receiveAll("aftercare.followups", null, 500);
    receiveAll("aftercare.escalations", null, 500);
  }

  @Test
  void followUpsComeDueInOrderExactlyOnceAcrossInstancesAndRestarts() throws Exception {
    CLOCK.set(DISCHARGED.plusSeconds(60));
    ConfigurableApplicationContext second = startAnotherInstance();
    String referral = refer();

    awaitState(referral, "first-contact", "published");
    assertThat(published(referral)).containsExactly("first-contact");

    // this instance goes away: the other takes the lease and carries on
    String before = leaseHolder();
    camel.getRouteController().stopRoute("followups");
    CLOCK.set(DISCHARGED.plus(Duration.ofDays(3)).plusSeconds(60));
    awaitState(referral, "first-meeting", "published");
    assertThat(leaseHolder()).isNotEqualTo(before);

    // the other stops, this one comes back: scheduling goes on from the database
    second.close();
    camel.getRouteController().startRoute("followups");
    CLOCK.set(DISCHARGED.plus(Duration.ofDays(7)).plusSeconds(60));
    awaitState(referral, "check-in-7d", "published");
    CLOCK.set(DISCHARGED.plus(Duration.ofDays(90)).plusSeconds(60));
    awaitState(referral, "check-in-90d", "published");
    awaitState(referral, "check-in-30d", "escalated");

    List<Message> followUps = messagesOf(referral, "aftercare.followups");
    assertThat(followUps).extracting(FollowUpIT::kind)
        .containsExactly("first-contact", "first-meeting", "check-in-7d", "check-in-30d", "check-in-90d");
    assertThat(followUps).extracting(m -> Broker.property(m, "taskId")).doesNotHaveDuplicates();
    // undone past their time: first contact (48 h), first meeting (7 d), the 7- and 30-day check-ins
    List<Message> escalations = messagesOf(referral, "aftercare.escalations");
    assertThat(escalations).extracting(FollowUpIT::kind)
        .containsExactlyInAnyOrder("first-contact", "first-meeting", "check-in-7d", "check-in-30d");
    assertThat(escalations).allSatisfy(m -> assertThat(Broker.text(m)).contains("\"overdue\"").contains("\"priority\":\"urgent\""));
    assertThat(jdbc.sql("select count(*) from referral_task where referral_id = ? and attempt = 0").param(referral)
        .query(Integer.class).single()).as("one Task per follow-up").isEqualTo(5);
  }

  @Test
  void twoInstancesRacingForTheSameFollowUpsMakeOneTaskEach() throws Exception {
    CLOCK.set(DISCHARGED.plusSeconds(60));
    String referral = refer();
    org.aftercarebridge.referral.FollowUps followUps = applicationContext.getBean(org.aftercarebridge.referral.FollowUps.class);
    CLOCK.set(DISCHARGED.plus(Duration.ofDays(31)));
    List<Thread> racers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Thread racer = new Thread(followUps::publishDue);
      racers.add(racer);
      racer.start();
    }
    for (Thread racer : racers) {
      racer.join();
    }
    awaitState(referral, "check-in-30d", "published");
    assertThat(jdbc.sql("select count(*) from referral_task where referral_id = ? and attempt = 0").param(referral)
        .query(Integer.class).single()).isEqualTo(4);
  }

  @Autowired org.springframework.context.ApplicationContext applicationContext;

  private String refer() {
    HttpResponse<String> response = service().postMessage(service().clinicToken(), FHIR_JSON, asJson(freshDischarge()));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    String taskId = ServiceClient.taskIdIn(response.body());
    return jdbc.sql("select referral_id from referral_task where id = ?").param(taskId).query(String.class).single();
  }

  /** A second instance of the service on the same database and broker (its own broker off), with the same clock. */
  private ConfigurableApplicationContext startAnotherInstance() {
    ConfigurableApplicationContext context = anotherInstance(
            "--aftercare.followups.poll-interval=500ms",
            "--aftercare.cluster.lease-for=3s",
            "--aftercare.cluster.renew-every=500ms");
    others.add(context);
    return context;
  }

  private String leaseHolder() {
    return jdbc.sql("select holder from cluster_lease where name = 'followups'").query(String.class).optional().orElse("");
  }

  private List<String> published(String referral) {
    return jdbc.sql("select kind from followup where referral_id = ? and state <> 'planned' order by due_at").param(referral).query(String.class).list();
  }

  private void awaitState(String referral, String kind, String state) {
    Eventually.await(() -> state.equals(jdbc.sql("select state from followup where referral_id = ? and kind = ?")
        .param(referral).param(kind).query(String.class).single()), kind + " " + state);
  }


  /** This referral's messages on a queue (other tests' referrals share the queues). */
  private List<Message> messagesOf(String referral, String queue) {
    List<String> tasks = jdbc.sql("select id from referral_task where referral_id = ? and attempt = 0").param(referral).query(String.class).list();
    return receiveAll(queue, null, 2000).stream().filter(m -> tasks.contains(Broker.property(m, "taskId"))).toList();
  }

  private static String kind(Message message) {
    return ServiceClient.json(Broker.text(message)).at("/code/coding/0/code").asText();
  }


}
