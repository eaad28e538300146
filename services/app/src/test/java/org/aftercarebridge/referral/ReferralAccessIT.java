package org.aftercarebridge.referral;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.StreamSupport;
import org.aftercarebridge.support.Broker;
import org.aftercarebridge.support.ServiceClient;
import org.aftercarebridge.support.ServiceUnderTest;
import org.junit.jupiter.api.Test;

/**
 * Who sees which referral: a coordinator the referrals of its regions (Vermont's team not
 * Massachusetts', a lead every region), a clinical system those its own messages started; reads of
 * another's are 403, searches leave them out (and out of the total).
 */
class ReferralAccessIT extends ServiceUnderTest {

  @Test
  void aCoordinatorSeesOnlyTheReferralsOfItsRegions() {
    String massachusetts = referralTask();
    String vermont = referralTask();
    jdbc.sql("update referral set region = 'US-VT' where id = (select referral_id from referral_task where id = ?)").param(vermont).update();
    String vermontTeam = service().token("coordinator-vermont", "dev-only-coordinator-vermont-secret");
    String lead = service().coordinatorToken();

    assertThat(get("/fhir/Task/" + vermont, vermontTeam).statusCode()).isEqualTo(200);
    HttpResponse<String> other = get("/fhir/Task/" + massachusetts, vermontTeam);
    assertThat(other.statusCode()).as(other.body()).isEqualTo(403);
    assertThat(other.body()).contains("OperationOutcome").contains("outside the regions");
    assertThat(get("/fhir/Task/" + massachusetts, lead).statusCode()).isEqualTo(200);

    List<String> found = ids(get("/fhir/Task?_count=500", vermontTeam));
    assertThat(found).contains(vermont).doesNotContain(massachusetts);
    assertThat(jdbc.sql("select count(distinct r.region) from referral r join referral_task t on t.referral_id = r.id where t.id in ("
        + String.join(",", found.stream().map(id -> "'" + id + "'").toList()) + ")").query(Integer.class).single()).isEqualTo(1);
    assertThat(ids(get("/fhir/Task?_count=500", lead))).contains(vermont, massachusetts);

    String massachusettsRequest = focusOf(massachusetts, lead);
    assertThat(get("/fhir/" + massachusettsRequest, vermontTeam).statusCode()).isEqualTo(403);
    assertThat(ids(get("/fhir/ServiceRequest?_count=500", vermontTeam))).doesNotContain(massachusettsRequest.substring("ServiceRequest/".length()));

    HttpResponse<String> update = service().put("/fhir/Task/" + massachusetts, vermontTeam, FHIR_JSON,
        get("/fhir/Task/" + massachusetts, lead).body().replace("\"status\":\"requested\"", "\"status\":\"accepted\""));
    assertThat(update.statusCode()).as(update.body()).isEqualTo(403);
  }

  @Test
  void aClinicalSystemSeesOnlyTheReferralsItsMessagesStarted() {
    String ours = referralTask();
    String otherClinic = service().token("other-ehr", "dev-only-other-ehr-secret");

    assertThat(get("/fhir/Task/" + ours, service().clinicToken()).statusCode()).isEqualTo(200);
    assertThat(get("/fhir/Task/" + ours, otherClinic).statusCode()).isEqualTo(403);
    assertThat(ids(get("/fhir/Task?_count=500", otherClinic))).doesNotContain(ours);
    JsonNode empty = ServiceClient.json(get("/fhir/ServiceRequest", otherClinic).body());
    assertThat(empty.path("total").asInt()).isZero();
    assertThat(ids(get("/fhir/Task?_count=500", service().clinicToken()))).contains(ours);

    String request = focusOf(ours, service().clinicToken());
    String consent = ServiceClient.json(get("/fhir/" + request, service().clinicToken()).body()).at("/supportingInfo/0/reference").asText();
    assertThat(consent).startsWith("Consent/");
    assertThat(get("/fhir/" + consent, service().clinicToken()).statusCode()).isEqualTo(200);
    HttpResponse<String> othersConsent = get("/fhir/" + consent, otherClinic);
    assertThat(othersConsent.statusCode()).as(othersConsent.body()).isEqualTo(403);
  }

  @Test
  void aQueuedTaskUpdateFromABrokerUserWithoutTheRegionIsRefusedIntoTheDeadLetters() {
    String task = referralTask();
    String update = get("/fhir/Task/" + task, service().coordinatorToken()).body().replace("\"status\":\"requested\"", "\"status\":\"accepted\"");
    // the service's own broker user has no task-update regions: a stand-in for another team's system
    Broker.send(brokerUrl(), Broker.SERVICE_USER, Broker.SERVICE_PASSWORD, "aftercare.task-updates", update);

    List<jakarta.jms.Message> refused = Broker.receiveAll(brokerUrl(), Broker.SERVICE_USER, Broker.SERVICE_PASSWORD,
        "DLQ.aftercare.task-updates", null, 10_000).stream()
        .filter(m -> Broker.property(m, "reason") != null && Broker.property(m, "reason").contains(task)).toList();
    assertThat(refused).hasSize(1);
    assertThat(Broker.property(refused.get(0), "reason")).contains("broker user aftercare-service may not update");
    assertThat(ServiceClient.json(get("/fhir/Task/" + task, service().coordinatorToken()).body()).get("status").asText()).isEqualTo("requested");
  }

  private HttpResponse<String> get(String path, String token) {
    return service().get(path, token, FHIR_JSON);
  }

  private String focusOf(String taskId, String token) {
    return ServiceClient.json(get("/fhir/Task/" + taskId, token).body()).at("/focus/reference").asText();
  }

  private static List<String> ids(HttpResponse<String> searchset) {
    assertThat(searchset.statusCode()).as(searchset.body()).isEqualTo(200);
    return StreamSupport.stream(ServiceClient.json(searchset.body()).path("entry").spliterator(), false)
        .map(entry -> entry.at("/resource/id").asText()).toList();
  }
}
