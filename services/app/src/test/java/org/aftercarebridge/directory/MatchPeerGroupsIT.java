package org.aftercarebridge.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.aftercarebridge.support.ServiceClient;
import org.aftercarebridge.support.ServiceUnderTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code $match-peer-groups} through the real stack, against groups an admin keeps in Vermont. */
class MatchPeerGroupsIT extends ServiceUnderTest {

  /** Montpelier, Vermont: away from the groups other tests keep in Burlington. */
  private static final String NEAR = "44.26|-72.58";

  private static String montpelier(String body) {
    return body.replace("44.4772", "44.2601").replace("-73.2121", "-72.5754");
  }

  private static final String SMART = montpelier(DirectoryFhirIT.smartBurlington("SMART Recovery Montpelier", true));
  private static final String WOMEN_AA = montpelier(DirectoryFhirIT.smartBurlington("Montpelier Women's AA", true))
      .replace("\"code\": \"smart-recovery\"", "\"code\": \"aa\"")
      .replace("\"code\": \"newcomer\"}]}]", "\"code\": \"newcomer\"}]}, {\"coding\": [{\"system\": "
          + "\"https://aftercarebridge.org/fhir/CodeSystem/meeting-characteristics\", \"code\": \"women\"}]}]")
      .replace("\"code\": \"free\"", "\"code\": \"donation\"");

  @BeforeEach
  void vermontGroups() {
    String admin = service().adminToken();
    for (var group : List.of(
        List.of("it-vt-smart", SMART),
        List.of("it-vt-women-aa", WOMEN_AA))) {
      HttpResponse<String> response = service().put(
          "/fhir/HealthcareService/" + group.get(0), admin, FHIR_JSON, DirectoryFhirIT.withId(group.get(0), group.get(1)));
      assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
    }
  }

  private static String parameters(String gender, String preferences, String near, Integer count) {
    List<String> parts = new ArrayList<>();
    parts.add("""
        {"name": "patient", "resource": {"resourceType": "Patient", "gender": "%s",
          "communication": [{"language": {"coding": [{"system": "urn:ietf:bcp:47", "code": "en-US"}]}, "preferred": true}]}}"""
        .formatted(gender));
    parts.add("""
        {"name": "condition", "resource": {"resourceType": "Condition", "subject": {"reference": "Patient/x"},
          "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "F10.20"}]}}}""");
    if (preferences != null) {
      parts.add("""
          {"name": "preferences", "resource": {"resourceType": "QuestionnaireResponse",
            "meta": {"profile": ["https://aftercarebridge.org/fhir/StructureDefinition/aftercare-preferences-response"]},
            "questionnaire": "https://aftercarebridge.org/fhir/Questionnaire/aftercare-preferences",
            "status": "completed", "subject": {"reference": "Patient/x"}, "authored": "2026-11-20T10:00:00Z",
            "item": [%s]}}""".formatted(preferences));
    }
    if (near != null) {
      parts.add("{\"name\": \"near\", \"valueString\": \"" + near + "\"}");
    }
    if (count != null) {
      parts.add("{\"name\": \"count\", \"valueInteger\": " + count + "}");
    }
    return "{\"resourceType\": \"Parameters\", \"parameter\": [" + String.join(",", parts) + "]}";
  }

  private HttpResponse<String> match(String token, String body) {
    return service().post("/fhir/$match-peer-groups", token, FHIR_JSON, body);
  }

  private JsonNode ok(String body) {
    HttpResponse<String> response = match(service().clinicToken(), body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return ServiceClient.json(response.body());
  }

  private static List<String> matched(JsonNode bundle) {
    List<String> ids = new ArrayList<>();
    bundle.path("entry").forEach(e -> {
      if ("match".equals(e.at("/search/mode").asText())) {
        ids.add(e.at("/resource/id").asText());
      }
    });
    return ids;
  }

  private static String outcome(JsonNode bundle) {
    for (JsonNode entry : bundle.path("entry")) {
      if ("outcome".equals(entry.at("/search/mode").asText())) {
        return entry.at("/resource/issue/0/severity").asText() + ": " + entry.at("/resource/issue/0/diagnostics").asText();
      }
    }
    throw new AssertionError("no outcome entry in " + bundle);
  }

  @Test
  void aSecularWomanNearBurlingtonGetsRankedGroupsWithReasons() {
    // in person: the sample directory's online women's group (Saturdays) would otherwise outrank the
    // women's AA meeting on the days it meets soonest, and the ranking would depend on the test's date
    String secular = """
        {"linkId": "approach", "answer": [{"valueCoding": {"system": "https://aftercarebridge.org/fhir/CodeSystem/recovery-approaches", "code": "secular"}}]},
        {"linkId": "format", "answer": [{"valueCoding": {"system": "https://aftercarebridge.org/fhir/CodeSystem/meeting-characteristics", "code": "in-person"}}]}""";

    JsonNode bundle = ok(parameters("female", secular, NEAR, 2));

    assertThat(bundle.at("/type").asText()).isEqualTo("searchset");
    assertThat(matched(bundle)).containsExactly("it-vt-smart", "it-vt-women-aa");
    JsonNode best = bundle.at("/entry/0");
    assertThat(best.at("/search/score").asDouble()).isBetween(0.5, 1.0);
    JsonNode explanation = best.at("/search/extension/0");
    assertThat(explanation.at("/url").asText()).endsWith("/match-explanation");
    assertThat(explanation.toString())
        .contains("secular, as the person prefers")
        .contains("km from the person's starting point")
        .contains("HealthcareService/it-vt-smart");
    assertThat(bundle.at("/entry/1/search/extension/0").toString()).contains("women's meeting, which admits the person (gender female)");
    assertThat(bundle.findValues("resourceType").stream().map(JsonNode::asText)).contains("Location");
    assertThat(outcome(bundle)).startsWith("information: ");
  }

  @Test
  void aManIsNeverOfferedTheWomensMeeting() {
    JsonNode bundle = ok(parameters("male", null, NEAR, 10));

    assertThat(matched(bundle)).contains("it-vt-smart").doesNotContain("it-vt-women-aa");
  }

  @Test
  void whenNothingFitsTheAnswerSaysSoAndOffersWhatCanBeJoinedInstead() {
    String inPersonOnlyWheelchair = """
        {"linkId": "format", "answer": [{"valueCoding": {"system": "https://aftercarebridge.org/fhir/CodeSystem/meeting-characteristics", "code": "in-person"}}]},
        {"linkId": "accessibility", "answer": [{"valueCoding": {"system": "https://aftercarebridge.org/fhir/CodeSystem/meeting-characteristics", "code": "wheelchair-accessible"}}]}""";

    JsonNode instead = ok(parameters("male", inPersonOnlyWheelchair, NEAR, 5));
    assertThat(outcome(instead)).startsWith("warning: No group satisfies every requirement (")
        .contains("meet at places without wheelchair access")
        .endsWith("offering online groups and one-on-one peer support instead");
    assertThat(matched(instead)).isNotEmpty().doesNotContain("it-vt-smart");

    String tagalogOnly = """
        {"linkId": "language", "answer": [{"valueCoding": {"system": "urn:ietf:bcp:47", "code": "tl"}}]},
        {"linkId": "language-required", "answer": [{"valueBoolean": true}]}""";
    JsonNode nothing = ok(parameters("male", tagalogOnly, NEAR, 5));
    assertThat(matched(nothing)).isEmpty();
    assertThat(outcome(nothing)).endsWith("a coordinator should arrange one-on-one peer support");
  }

  @Test
  void badRequestsAreRefusedWithAnOperationOutcome() {
    String clinic = service().clinicToken();
    assertThat(match(clinic, "{\"resourceType\": \"Parameters\"}").statusCode()).isEqualTo(400);
    assertThat(match(clinic, parameters("male", null, NEAR, 0)).statusCode()).isEqualTo(400);
    assertThat(match(clinic, parameters("male", null, NEAR, 5000)).statusCode()).isEqualTo(400);
    HttpResponse<String> badNear = match(clinic, parameters("male", null, "north-ish", null));
    assertThat(badNear.statusCode()).isEqualTo(400);
    assertThat(badNear.body()).contains("near must be latitude|longitude");
    HttpResponse<String> draft = match(clinic, parameters("male", "", NEAR, null).replace("\"completed\"", "\"in-progress\""));
    assertThat(draft.statusCode()).as(draft.body()).isEqualTo(422);
    assertThat(match(clinic, "not json").statusCode()).isEqualTo(400);
    assertThat(match(service().staffToken(), parameters("male", null, null, null)).statusCode()).isEqualTo(403);
    assertThat(match(null, parameters("male", null, null, null)).statusCode()).isEqualTo(401);
    assertThat(match(service().coordinatorToken(), parameters("male", null, NEAR, null)).statusCode()).isEqualTo(200);
  }
}
