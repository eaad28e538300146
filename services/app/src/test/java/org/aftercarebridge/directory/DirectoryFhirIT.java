package org.aftercarebridge.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.aftercarebridge.support.ServiceUnderTest;
import org.junit.jupiter.api.Test;

/** The directory as FHIR through the real stack: admin maintenance, read, search, Location near. */
public class DirectoryFhirIT extends ServiceUnderTest {

  /** A SMART Recovery group in Burlington, Vermont (fictional), as an admin sends it. */
  public static String smartBurlington(String name, boolean active) {
    return """
        {"resourceType": "HealthcareService",
         "meta": {"profile": ["https://aftercarebridge.org/fhir/StructureDefinition/peer-support-group"]},
         "contained": [{"resourceType": "Location", "id": "place", "status": "active", "name": "Fletcher Free Library",
           "address": {"line": ["235 College St"], "city": "Burlington", "state": "VT", "postalCode": "05401"},
           "position": {"latitude": 44.4772, "longitude": -73.2121}}],
         "extension": [{"url": "https://aftercarebridge.org/fhir/StructureDefinition/meeting-time-zone", "valueCode": "America/New_York"}],
         "active": %s,
         "type": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/service-type", "code": "552"}]}],
         "program": [{"coding": [{"system": "https://aftercarebridge.org/fhir/CodeSystem/recovery-programs", "code": "smart-recovery"}]}],
         "characteristic": [
           {"coding": [{"system": "https://aftercarebridge.org/fhir/CodeSystem/meeting-characteristics", "code": "in-person"}]},
           {"coding": [{"system": "https://aftercarebridge.org/fhir/CodeSystem/meeting-characteristics", "code": "newcomer"}]}],
         "communication": [{"coding": [{"system": "urn:ietf:bcp:47", "code": "en"}]}],
         "coverageArea": [{"display": "US-VT"}],
         "serviceProvisionCode": [{"coding": [{"system": "https://aftercarebridge.org/fhir/CodeSystem/group-costs", "code": "free"}]}],
         "availableTime": [{"daysOfWeek": ["tue", "thu"], "availableStartTime": "18:00:00", "availableEndTime": "19:30:00"}],
         "location": [{"reference": "#place"}],
         "name": "%s"}
        """.formatted(active, name);
  }

  private String admin() {
    return service().adminToken();
  }

  private HttpResponse<String> put(String id, String body) {
    return service().put("/fhir/HealthcareService/" + id, admin(), FHIR_JSON, withId(id, body));
  }

  /** FHIR's update carries the id in the body too. */
  public static String withId(String id, String body) {
    return body.contains("\"id\": \"another-id\"") || !body.startsWith("{\"resourceType\": \"HealthcareService\",")
        ? body
        : body.replaceFirst("\\{\"resourceType\": \"HealthcareService\",", "{\"resourceType\": \"HealthcareService\", \"id\": \"" + id + "\",");
  }

  private JsonNode get(String path) {
    HttpResponse<String> response = service().get(path.replace("|", "%7C"), service().coordinatorToken(), FHIR_JSON);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response.body());
  }

  private static JsonNode json(String body) {
    return org.aftercarebridge.support.ServiceClient.json(body);
  }

  @Test
  void anAdminMaintainsAProgramWithoutAFeedAndEveryoneCanReadIt() {
    HttpResponse<String> created = put("it-smart-burlington", smartBurlington("SMART Recovery Burlington", true));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

    JsonNode service = get("/fhir/HealthcareService/it-smart-burlington");
    assertThat(service.at("/name").asText()).isEqualTo("SMART Recovery Burlington");
    assertThat(service.at("/program/0/coding/0/display").asText()).isEqualTo("SMART Recovery");
    assertThat(service.at("/availableTime/0/daysOfWeek").toString()).isEqualTo("[\"tue\",\"thu\"]");
    assertThat(service.at("/availableTime/0/availableStartTime").asText()).isEqualTo("18:00:00");
    assertThat(service.at("/serviceProvisionCode/0/coding/0/code").asText()).isEqualTo("free");
    assertThat(service.at("/extension/0/valueCode").asText()).isEqualTo("America/New_York");
    assertThat(service.at("/location/0/reference").asText()).isEqualTo("Location/it-smart-burlington");
    assertThat(service.toString()).doesNotContain("telecom");

    JsonNode place = get("/fhir/Location/it-smart-burlington");
    assertThat(place.at("/position/latitude").asDouble()).isEqualTo(44.4772);
    assertThat(place.at("/address/city").asText()).isEqualTo("Burlington");

    HttpResponse<String> renamed = put("it-smart-burlington", smartBurlington("SMART Recovery Burlington Evening", true));
    assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
    assertThat(get("/fhir/HealthcareService/it-smart-burlington").at("/name").asText()).isEqualTo("SMART Recovery Burlington Evening");

    HttpResponse<String> posted = service().post("/fhir/HealthcareService", admin(), FHIR_JSON, smartBurlington("SMART Recovery Winooski", true));
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
    assertThat(posted.headers().firstValue("Location").orElseThrow()).contains("/fhir/HealthcareService/grp-");
  }

  @Test
  void searchByNameProgramCharacteristicActiveAndType() {
    put("it-search-active", smartBurlington("Searchable Vermont Group", true));
    put("it-search-inactive", smartBurlington("Searchable Vermont Group (closed down)", false));

    assertThat(ids(get("/fhir/HealthcareService?name=searchable%20vermont"))).containsExactly("it-search-active", "it-search-inactive");
    assertThat(ids(get("/fhir/HealthcareService?name=Searchable&active=true"))).containsExactly("it-search-active");
    assertThat(ids(get("/fhir/HealthcareService?name=Searchable&active=false"))).containsExactly("it-search-inactive");
    assertThat(ids(get("/fhir/HealthcareService?name=Searchable&program=smart-recovery&characteristic=newcomer"))).hasSize(2);
    assertThat(ids(get("/fhir/HealthcareService?name=Searchable&characteristic=in-person"))).hasSize(2);
    assertThat(ids(get("/fhir/HealthcareService?name=Searchable&program=aa"))).isEmpty();
    assertThat(ids(get("/fhir/HealthcareService?name=Searchable&characteristic=online"))).isEmpty();
    assertThat(ids(get("/fhir/HealthcareService?name=Searchable&type=http://terminology.hl7.org/CodeSystem/service-type|552"))).hasSize(2);
    assertThat(ids(get("/fhir/HealthcareService?name=Searchable&type=999"))).isEmpty();
    assertThat(ids(get("/fhir/HealthcareService?name=%25"))).as("LIKE wildcards are data, not patterns").isEmpty();

    JsonNode firstPage = get("/fhir/HealthcareService?_count=1&name=Searchable");
    assertThat(firstPage.at("/total").asInt()).isEqualTo(2);
    assertThat(firstPage.at("/entry")).hasSize(1);
    String next = firstPage.at("/link").findValues("url").stream().map(JsonNode::asText).filter(u -> u.contains("_getpages")).findFirst().orElseThrow();
    assertThat(ids(get(next.substring(next.indexOf("/fhir"))))).containsExactly("it-search-inactive");
  }

  @Test
  void locationNearFindsMeetingPlacesNearestFirst() {
    put("it-near-burlington", smartBurlington("Near Test Burlington", true));

    JsonNode near = get("/fhir/Location?near=44.48|-73.21|5|km");
    assertThat(ids(near)).contains("it-near-burlington").doesNotContainAnyElementsOf(java.util.List.of("sample-aa-methuen-monday"));
    assertThat(ids(get("/fhir/Location?near=44.48|-73.21|3|mi"))).contains("it-near-burlington");
    assertThat(ids(get("/fhir/Location?near=44.90|-73.21|5|km"))).doesNotContain("it-near-burlington");

    for (String bad : new String[] {"abc", "44.48|-73.21|5|parsec", "95|0", "44.48|-73.21|-1", "44.48|-73.21|100000"}) {
      HttpResponse<String> response = service().get("/fhir/Location?near=" + bad.replace("|", "%7C"), service().coordinatorToken(), FHIR_JSON);
      assertThat(response.statusCode()).as(bad + ": " + response.body()).isEqualTo(400);
      assertThat(response.body()).contains("OperationOutcome").contains("near");
    }
    assertThat(service().get("/fhir/Location/no-such-place", service().coordinatorToken(), FHIR_JSON).statusCode()).isEqualTo(404);
  }

  @Test
  void badGroupsAreRefusedNamingEveryProblemAndNothingIsStored() {
    String noProgram = smartBurlington("No Program", true).replace(
        "\"program\": [{\"coding\": [{\"system\": \"https://aftercarebridge.org/fhir/CodeSystem/recovery-programs\", \"code\": \"smart-recovery\"}]}],", "");
    HttpResponse<String> missing = put("it-bad-1", noProgram);
    assertThat(missing.statusCode()).as(missing.body()).isEqualTo(422);
    assertThat(missing.body()).contains("HealthcareService.program");

    String noPlace = smartBurlington("No Place", true).replace("\"location\": [{\"reference\": \"#place\"}],", "")
        .replaceAll("(?s)\"contained\": \\[.*?\\}\\}\\],", "");
    HttpResponse<String> placeless = put("it-bad-2", noPlace);
    assertThat(placeless.statusCode()).as(placeless.body()).isEqualTo(422);
    assertThat(placeless.body()).contains("HealthcareService.location").contains("contained Location");

    String twoTimes = smartBurlington("Two Times", true).replace("\"availableStartTime\": \"18:00:00\", \"availableEndTime\": \"19:30:00\"}]",
        "\"availableStartTime\": \"18:00:00\"}, {\"daysOfWeek\": [\"sat\"], \"availableStartTime\": \"10:00:00\"}]");
    HttpResponse<String> times = put("it-bad-3", twoTimes);
    assertThat(times.statusCode()).as(times.body()).isEqualTo(422);
    assertThat(times.body()).contains("one start");

    String badZone = smartBurlington("Bad Zone", true).replace("America/New_York", "Mars/Olympus_Mons");
    assertThat(put("it-bad-4", badZone).body()).contains("not an IANA time zone");

    HttpResponse<String> hostile = put("it-bad-5", smartBurlington("x".repeat(300), true));
    assertThat(hostile.statusCode()).isEqualTo(422);

    HttpResponse<String> wrongType = put("it-bad-6", "{\"resourceType\": \"Patient\", \"id\": \"it-bad-6\"}");
    assertThat(wrongType.statusCode()).isEqualTo(400);
    HttpResponse<String> notJson = put("it-bad-7", "{ this is not json");
    assertThat(notJson.statusCode()).isEqualTo(400);
    HttpResponse<String> idMismatch = put("it-bad-8", smartBurlington("Mismatch", true).replace("{\"resourceType\": \"HealthcareService\",",
        "{\"resourceType\": \"HealthcareService\", \"id\": \"another-id\","));
    assertThat(idMismatch.statusCode()).isEqualTo(400);

    assertThat(jdbc.sql("select count(*) from peer_group where id like 'it-bad-%'").query(Integer.class).single()).isZero();
  }

  @Test
  void importedGroupsAreMaintainedAtTheirSourceAndOnlyAdminsWrite() {
    String imported = jdbc.sql("select id from peer_group where source is not null order by id limit 1").query(String.class).optional()
        .orElseGet(() -> {
          service().post("/api/directory/imports?format=meeting-guide&program=aa&source=fhir-it", admin(), "application/json",
              "[{\"slug\": \"one\", \"name\": \"Imported One\", \"day\": 1, \"time\": \"19:00\", \"latitude\": 40.1, \"longitude\": -75.1,"
                  + " \"address\": \"1 Main St\", \"city\": \"Town\", \"state\": \"PA\"}]");
          return jdbc.sql("select id from peer_group where source = 'meeting-guide:fhir-it'").query(String.class).single();
        });
    HttpResponse<String> conflict = put(imported, smartBurlington("Hijacked", true));
    assertThat(conflict.statusCode()).as(conflict.body()).isEqualTo(409);
    assertThat(conflict.body()).contains("change it at its source");

    assertThat(service().put("/fhir/HealthcareService/it-coordinator", service().coordinatorToken(), FHIR_JSON,
        withId("it-coordinator", smartBurlington("Coordinator", true))).statusCode()).isEqualTo(403);
    assertThat(service().post("/fhir/HealthcareService", service().clinicToken(), FHIR_JSON,
        smartBurlington("Clinic", true)).statusCode()).isEqualTo(403);
    assertThat(service().get("/fhir/HealthcareService", null, FHIR_JSON).statusCode()).isEqualTo(401);
    assertThat(service().get("/fhir/HealthcareService?name=x", service().staffToken(), FHIR_JSON).statusCode()).isEqualTo(200);
  }

  static java.util.List<String> ids(JsonNode bundle) {
    java.util.List<String> ids = new java.util.ArrayList<>();
    bundle.path("entry").forEach(entry -> ids.add(entry.at("/resource/id").asText()));
    return ids;
  }
}
