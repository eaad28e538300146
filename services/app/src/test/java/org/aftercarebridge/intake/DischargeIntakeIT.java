package org.aftercarebridge.intake;

import static org.aftercarebridge.support.Fixtures.freshDischarge;
import static org.aftercarebridge.support.Fixtures.header;
import static org.aftercarebridge.support.Fixtures.asJson;
import static org.aftercarebridge.support.Fixtures.asXml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.aftercarebridge.profiles.AftercareProfiles;
import org.aftercarebridge.support.Fixtures;
import org.aftercarebridge.support.ServiceClient;
import org.aftercarebridge.support.ServiceUnderTest;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.junit.jupiter.api.Test;

/** The thin path through the real stack: HTTP → Camel → database → Artemis, and its refusals. */
class DischargeIntakeIT extends ServiceUnderTest {

  @Test
  void aDischargeBecomesAStoredReferralAnnouncedOnTheQueue() throws Exception {
    Bundle message = freshDischarge();
    HttpResponse<String> response = service().postMessage(service().clinicToken(), FHIR_JSON, asJson(message));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode outcome = ServiceClient.json(response.body());
    assertThat(outcome.get("resourceType").asText()).isEqualTo("OperationOutcome");
    assertThat(outcome.at("/issue/0/severity").asText()).isEqualTo("information");
    String taskId = ServiceClient.taskIdIn(response.body());

    // stored: the Task and the ServiceRequest it fulfils, readable by a coordinator
    HttpResponse<String> task = service().get("/fhir/Task/" + taskId, service().coordinatorToken(), FHIR_JSON);
    assertThat(task.statusCode()).isEqualTo(200);
    JsonNode taskJson = ServiceClient.json(task.body());
    assertThat(taskJson.get("status").asText()).isEqualTo("requested");
    assertThat(taskJson.at("/code/coding/0/code").asText()).isEqualTo("fulfill");
    assertThat(taskJson.at("/owner/reference").asText()).startsWith("HealthcareService/sample-");
    assertThat(taskJson.at("/extension/0/url").asText()).endsWith("/match-explanation");
    String serviceRequestRef = taskJson.at("/focus/reference").asText();
    HttpResponse<String> serviceRequest = service().get("/fhir/" + serviceRequestRef, service().coordinatorToken(), FHIR_JSON);
    assertThat(serviceRequest.statusCode()).isEqualTo(200);
    assertThat(ServiceClient.json(serviceRequest.body()).at("/code/coding/0/code").asText()).isEqualTo("461481000124109");

    // announced: one persistent message with the contract's properties
    List<Message> announced = receiveAll("aftercare.referrals", "taskId = '" + taskId + "'", 5000);
    assertThat(announced).hasSize(1);
    Message announcement = announced.get(0);
    assertThat(announcement.getJMSDeliveryMode()).isEqualTo(jakarta.jms.DeliveryMode.PERSISTENT);
    assertThat(announcement.getStringProperty("region")).isEqualTo("US-MA");
    assertThat(announcement.getStringProperty("priority")).isEqualTo("routine");
    assertThat(announcement.getStringProperty("JMSXGroupID")).hasSize(32);
    assertThat(announcement.getStringProperty("_AMQ_DUPL_ID")).isNotBlank();
    JsonNode bundle = ServiceClient.json(((TextMessage) announcement).getText());
    assertThat(bundle.get("type").asText()).isEqualTo("collection");
    assertThat(bundle.findValuesAsText("resourceType"))
        .contains("Task", "ServiceRequest", "Patient", "HealthcareService", "Location");
    String patient = bundle.toString();
    assertThat(patient).doesNotContain("999-87-1037").doesNotContain("715 Crona Corner").doesNotContain("Marge692");

    assertThat(jdbc.sql("select count(*) from referral where task_id = ?").param(taskId).query(Integer.class).single())
        .isEqualTo(1);
    assertThat(
            jdbc.sql("select count(*) from referral_outbox where task_id = ? and published_at is not null")
                .param(taskId)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void xmlInIsAcceptedAndXmlOutIsNegotiated() {
    HttpResponse<String> response =
        service().post("/fhir/$process-message?_format=xml", service().clinicToken(), FHIR_XML, asXml(freshDischarge()));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("xml"));
    assertThat(response.body()).startsWith("<OperationOutcome").contains("Referral created: Task/");
  }

  @Test
  void theSameMessageAgainIsAcknowledgedWithoutASecondReferral() {
    Bundle message = freshDischarge();
    String token = service().clinicToken();
    HttpResponse<String> first = service().postMessage(token, FHIR_JSON, asJson(message));
    HttpResponse<String> again = service().postMessage(token, FHIR_JSON, asJson(message));
    Bundle sameHeaderNewBundleId = message.copy();
    sameHeaderNewBundleId.setId("another-" + message.getIdElement().getIdPart());
    HttpResponse<String> sameHeader = service().postMessage(token, FHIR_JSON, asJson(sameHeaderNewBundleId));

    String taskId = ServiceClient.taskIdIn(first.body());
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).contains("Duplicate message").contains(taskId);
    assertThat(sameHeader.statusCode()).isEqualTo(200);
    assertThat(sameHeader.body()).contains("Duplicate message").contains(taskId);
    assertThat(referralsFrom(message)).isEqualTo(1);
    String person = firstAnnouncementFor(taskId).groupKey;
    assertThat(receiveAll("aftercare.referrals", "JMSXGroupID = '" + person + "'", 3000)).isEmpty();
  }


  @Test
  void anInvalidMessageIs422WithAnOperationOutcomeNamingEachProblemWhereItIs() {
    Bundle message =
        freshDischarge(
            bundle -> {
              bundle.setTimestampElement(null);
              bundle.getEntry().stream()
                  .map(Bundle.BundleEntryComponent::getResource)
                  .filter(Encounter.class::isInstance)
                  .map(Encounter.class::cast)
                  .forEach(encounter -> encounter.getPeriod().setEndElement(null));
            });
    HttpResponse<String> response = service().postMessage(service().clinicToken(), FHIR_JSON, asJson(message));

    assertThat(response.statusCode()).isEqualTo(422);
    JsonNode outcome = ServiceClient.json(response.body());
    assertThat(outcome.get("resourceType").asText()).isEqualTo("OperationOutcome");
    assertThat(outcome.get("issue").findValuesAsText("diagnostics"))
        .anySatisfy(text -> assertThat(text).contains("acb-disch-2"))
        .anySatisfy(text -> assertThat(text).contains("Bundle.timestamp"));
    assertThat(outcome.get("issue").findValues("expression")).isNotEmpty();
    assertNothingStoredFor(message);
  }

  @Test
  void aDischargeWithoutItsPatientIsRejected() {
    Bundle message =
        freshDischarge(bundle -> bundle.getEntry().removeIf(e -> e.getResource().fhirType().equals("Patient")));
    HttpResponse<String> response = service().postMessage(service().clinicToken(), FHIR_JSON, asJson(message));
    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.body()).contains("acb-disch-3");
    assertNothingStoredFor(message);
  }

  @Test
  void anElementFhirDoesNotHaveIsRejectedNotDropped() {
    Bundle message = freshDischarge();
    String body = asJson(message).replace("\"status\":\"finished\"", "\"status\":\"finished\",\"dischargedTo\":\"home\"");
    assertThat(body).contains("dischargedTo");
    HttpResponse<String> response = service().postMessage(service().clinicToken(), FHIR_JSON, body);
    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(ServiceClient.json(response.body()).at("/issue/0/diagnostics").asText()).contains("dischargedTo");
    assertNothingStoredFor(message);
  }

  @Test
  void unparseableInputIs400WithAnOperationOutcome() {
    HttpResponse<String> truncated = service().postMessage(service().clinicToken(), FHIR_JSON, "{\"resourceType\": \"Bundle\", \"type\": ");
    assertThat(truncated.statusCode()).isEqualTo(400);
    assertThat(ServiceClient.json(truncated.body()).get("resourceType").asText()).isEqualTo("OperationOutcome");

    HttpResponse<String> notFhir = service().postMessage(service().clinicToken(), FHIR_XML, "<html><body>hello</body></html>");
    assertThat(notFhir.statusCode()).isEqualTo(400);

    HttpResponse<String> empty = service().postMessage(service().clinicToken(), FHIR_JSON, "");
    assertThat(empty.statusCode()).isEqualTo(400);
  }

  @Test
  void aResourceOtherThanABundleIsRefused() {
    HttpResponse<String> response =
        service().postMessage(service().clinicToken(), FHIR_JSON, "{\"resourceType\":\"Patient\",\"id\":\"p1\"}");
    assertThat(response.statusCode()).isBetween(400, 422);
    assertThat(ServiceClient.json(response.body()).get("resourceType").asText()).isEqualTo("OperationOutcome");
  }

  @Test
  void anAdmitEventIsAcknowledgedAndMakesNoReferral() {
    Bundle message =
        freshDischarge(
            bundle ->
                header(bundle)
                    .setEvent(
                        new Coding(
                            "http://hl7.org/fhir/us/davinci-alerts/CodeSystem/notification-event",
                            "notification-admit",
                            "Admit Notification")));
    HttpResponse<String> response = service().postMessage(service().clinicToken(), FHIR_JSON, asJson(message));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("notification-admit").contains("no referral created");
    assertNothingStoredFor(message);
  }

  @Test
  void withoutATokenNothingIsAnswered() {
    HttpResponse<String> response = service().postMessage(null, FHIR_JSON, asJson(freshDischarge()));
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    assertThat(ServiceClient.json(response.body()).get("resourceType").asText()).isEqualTo("OperationOutcome");

    assertThat(service().get("/fhir/metadata", null, FHIR_JSON).statusCode()).isEqualTo(401);
    assertThat(service().get("/fhir/Task/anything", null, FHIR_JSON).statusCode()).isEqualTo(401);
    assertThat(service().postMessage("not-a-token", FHIR_JSON, asJson(freshDischarge())).statusCode()).isEqualTo(401);
  }

  @Test
  void aCallerWithoutTheClinicalSystemRoleCannotSendEvents() {
    Bundle message = freshDischarge();
    HttpResponse<String> staff = service().postMessage(service().staffToken(), FHIR_JSON, asJson(message));
    HttpResponse<String> coordinator = service().postMessage(service().coordinatorToken(), FHIR_JSON, asJson(message));

    assertThat(staff.statusCode()).isEqualTo(403);
    assertThat(ServiceClient.json(staff.body()).at("/issue/0/code").asText()).isEqualTo("forbidden");
    assertThat(coordinator.statusCode()).isEqualTo(403);
    assertThat(service().get("/fhir/Task/anything", service().staffToken(), FHIR_JSON).statusCode()).isEqualTo(403);
    assertNothingStoredFor(message);
  }

  @Test
  void unknownReferralsAre404() {
    HttpResponse<String> response = service().get("/fhir/Task/does-not-exist", service().coordinatorToken(), FHIR_JSON);
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(ServiceClient.json(response.body()).get("resourceType").asText()).isEqualTo("OperationOutcome");
  }

  @Test
  void theCapabilityStatementListsTheOperationAndTheReads() {
    HttpResponse<String> response = service().get("/fhir/metadata", service().clinicToken(), FHIR_JSON);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode capabilities = ServiceClient.json(response.body());
    assertThat(capabilities.get("resourceType").asText()).isEqualTo("CapabilityStatement");
    assertThat(capabilities.at("/rest/0/operation").findValuesAsText("name")).contains("process-message");
    assertThat(capabilities.at("/rest/0/resource").findValuesAsText("type")).contains("Task", "ServiceRequest");
    assertThat(capabilities.at("/rest/0/operation").findValuesAsText("documentation"))
        .anySatisfy(text -> assertThat(text).contains(AftercareProfiles.DISCHARGE_NOTIFICATION));
    assertThat(capabilities.at("/rest/0/security/service/0/coding/0/code").asText()).isEqualTo("OAuth");
  }

  @Test
  void theGuideIsServedAndNamedInTheCapabilityStatement() {
    String token = service().staffToken();
    for (String profile : List.of(
        AftercareProfiles.DISCHARGE_NOTIFICATION, AftercareProfiles.NOTIFICATION_MESSAGE_HEADER,
        AftercareProfiles.NOTIFICATION_ENCOUNTER, AftercareProfiles.NOTIFICATION_PATIENT, AftercareProfiles.SUD_CONDITION,
        AftercareProfiles.PREFERENCES_RESPONSE, AftercareProfiles.PART2_CONSENT, AftercareProfiles.REFERRAL_SERVICE_REQUEST,
        AftercareProfiles.REFERRAL_TASK, AftercareProfiles.FOLLOW_UP_TASK, AftercareProfiles.PEER_SUPPORT_GROUP,
        AftercareProfiles.PEER_SUPPORT_LOCATION, AftercareProfiles.AUDIT_EVENT)) {
      HttpResponse<String> found = service().get("/fhir/StructureDefinition?url=" + profile, token, FHIR_JSON);
      assertThat(found.statusCode()).isEqualTo(200);
      assertThat(ServiceClient.json(found.body()).at("/entry/0/resource/url").asText()).isEqualTo(profile);
    }
    assertThat(ServiceClient.json(service().get("/fhir/StructureDefinition?url=https://nowhere.example/x", token, FHIR_JSON).body())
            .at("/total").asInt()).isZero();
    assertThat(service().get("/fhir/CodeSystem/davinci-notification-event", token, FHIR_JSON).statusCode()).isEqualTo(200);
    assertThat(service().get("/fhir/ValueSet?name=Notification", token, FHIR_XML).body()).contains("notification-events");
    HttpResponse<String> questionnaire =
        service().get("/fhir/Questionnaire?url=" + AftercareProfiles.PREFERENCES_QUESTIONNAIRE, token, FHIR_JSON);
    assertThat(ServiceClient.json(questionnaire.body()).at("/entry/0/resource/item").findValuesAsText("linkId"))
        .contains("approach", "identity-groups", "language", "format", "max-travel-km", "cost", "social-anxiety", "gentle-start", "family-involvement");

    JsonNode capabilities = ServiceClient.json(service().get("/fhir/metadata", token, FHIR_JSON).body());
    List<String> supported = new ArrayList<>();
    capabilities.at("/rest/0/resource").forEach(r -> r.path("supportedProfile").forEach(p -> supported.add(p.asText())));
    assertThat(supported).contains(AftercareProfiles.DISCHARGE_NOTIFICATION, AftercareProfiles.NOTIFICATION_PATIENT);
    assertThat(capabilities.at("/rest/0/resource").findValuesAsText("documentation"))
        .anySatisfy(text -> assertThat(text).contains(AftercareProfiles.PREFERENCES_QUESTIONNAIRE))
        .anySatisfy(text -> assertThat(text).contains(AftercareProfiles.RECOVERY_PROGRAMS));
  }

  @Test
  void clinicalSystemsCanValidateWhatTheyWillSend() {
    String token = service().clinicToken();
    HttpResponse<String> valid =
        service().post("/fhir/Bundle/$validate", token, FHIR_JSON, asJson(freshDischarge()));
    assertThat(valid.statusCode()).as(valid.body()).isEqualTo(200);
    assertThat(ServiceClient.json(valid.body()).get("issue").findValuesAsText("severity")).doesNotContain("error");

    Bundle broken = freshDischarge(bundle -> bundle.setTimestampElement(null));
    HttpResponse<String> invalid = service().post("/fhir/Bundle/$validate", token, FHIR_JSON, asJson(broken));
    assertThat(invalid.statusCode()).isEqualTo(200);
    assertThat(ServiceClient.json(invalid.body()).at("/issue/0/severity").asText()).isEqualTo("error");
    assertThat(invalid.body()).contains("Bundle.timestamp");
    assertNothingStoredFor(broken);

    String consent = "{\"resourceType\":\"Consent\",\"status\":\"active\"}";
    HttpResponse<String> consentCheck = service().post("/fhir/Consent/$validate", token, FHIR_JSON, consent);
    assertThat(consentCheck.statusCode()).isEqualTo(200);
    assertThat(consentCheck.body()).contains("Consent.patient");

    assertThat(service().post("/fhir/Bundle/$validate?profile=https://elsewhere.example/p", token, FHIR_JSON, asJson(freshDischarge()))
            .statusCode()).isEqualTo(400);
    assertThat(service().post("/fhir/Bundle/$validate", service().coordinatorToken(), FHIR_JSON, asJson(freshDischarge()))
            .statusCode()).isEqualTo(403);
  }

  @Test
  void healthProbesNeedNoToken() {
    assertThat(service().get("/actuator/health/liveness", null, "application/json").statusCode()).isEqualTo(200);
    assertThat(service().get("/actuator/health/readiness", null, "application/json").statusCode()).isEqualTo(200);
  }

  private int referralsFrom(Bundle message) {
    return jdbc.sql("select count(*) from referral where source_bundle_id = ?")
        .param(message.getIdElement().getIdPart())
        .query(Integer.class)
        .single();
  }

  private void assertNothingStoredFor(Bundle message) {
    assertThat(
            jdbc.sql("select count(*) from referral where source_bundle_id = ? or source_message_id = ?")
                .param(message.getIdElement().getIdPart())
                .param(Fixtures.header(message).getIdElement().getIdPart())
                .query(Integer.class)
                .single())
        .isZero();
  }

  private record Announced(String groupKey) {}

  private Announced firstAnnouncementFor(String taskId) {
    List<Message> messages = receiveAll("aftercare.referrals", "taskId = '" + taskId + "'", 5000);
    assertThat(messages).hasSize(1);
    try {
      return new Announced(messages.get(0).getStringProperty("JMSXGroupID"));
    } catch (jakarta.jms.JMSException e) {
      throw new IllegalStateException(e);
    }
  }

}
