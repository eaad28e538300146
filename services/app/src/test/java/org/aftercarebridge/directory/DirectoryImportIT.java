package org.aftercarebridge.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aftercarebridge.support.ServiceClient;
import org.aftercarebridge.support.ServiceUnderTest;
import org.junit.jupiter.api.Test;

/** Directory imports through the real stack, on the real samples (shared with the directory module's tests). */
class DirectoryImportIT extends ServiceUnderTest {

  private static final Path FEEDS = Path.of("../directory/src/test/resources/feeds");
  private static final String JSON = "application/json";

  private static String feed(String file) throws IOException {
    return Files.readString(FEEDS.resolve(file), StandardCharsets.UTF_8);
  }

  private String bmltBody(ArrayNode meetings) throws IOException {
    ObjectNode body = ServiceClient.json("{}").deepCopy();
    body.set("meetings", meetings);
    body.set("formats", ServiceClient.json(feed("bmlt-sample-gnyr-GetFormats.json")));
    return body.toString();
  }

  private HttpResponse<String> importFeed(String query, String body) {
    return service().post("/api/directory/imports?" + query, adminToken(), JSON, body);
  }

  private String adminToken() {
    return service().adminToken();
  }

  private int activeFrom(String source) {
    return jdbc.sql("select count(*) from peer_group where source = ? and active = true").param(source).query(Integer.class).single();
  }

  @Test
  void theRealBmltServerImportsReimportsUnchangedAndUpdatesExactlyWhatChanged() throws IOException {
    ArrayNode meetings = (ArrayNode) ServiceClient.json(feed("bmlt-sample-gnyr-GetSearchResults.json"));

    JsonNode first = ServiceClient.json(importFeed("format=bmlt&program=na&region=US-NY", bmltBody(meetings)).body());
    assertThat(first.get("records").asInt()).isEqualTo(1513);
    assertThat(first.get("created").asInt()).isEqualTo(1513);
    assertThat(activeFrom("bmlt:na")).isEqualTo(1513);

    JsonNode again = ServiceClient.json(importFeed("format=bmlt&program=na&region=US-NY", bmltBody(meetings)).body());
    assertThat(again.get("unchanged").asInt()).isEqualTo(1513);
    assertThat(again.get("created").asInt() + again.get("updated").asInt() + again.get("deactivated").asInt()).isZero();

    ((ObjectNode) meetings.get(0)).put("meeting_name", "Nothing Macho (renamed)");
    meetings.remove(1);
    JsonNode changed = ServiceClient.json(importFeed("format=bmlt&program=na&region=US-NY", bmltBody(meetings)).body());
    assertThat(changed.get("updated").asInt()).isEqualTo(1);
    assertThat(changed.get("deactivated").asInt()).isEqualTo(1);
    assertThat(changed.get("unchanged").asInt()).isEqualTo(1511);
    assertThat(activeFrom("bmlt:na")).isEqualTo(1512);
    assertThat(jdbc.sql("select count(*) from peer_group where name = 'Nothing Macho (renamed)'").query(Integer.class).single()).isEqualTo(1);
  }

  @Test
  void aMeetingGuideFeedReportsWhatItSkipped() throws IOException {
    HttpResponse<String> response = importFeed("format=meeting-guide&program=aa&source=tupelo-aa", feed("c4r-pdf-tests-fixtures-meetings.json"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode report = ServiceClient.json(response.body());
    assertThat(report.get("source").asText()).isEqualTo("meeting-guide:tupelo-aa");
    assertThat(report.get("created").asInt()).isEqualTo(23);
    assertThat(report.get("skipped")).hasSize(2);
    assertThat(report.get("skipped").get(0).get("reason").asText()).isEqualTo("inactive: location temporarily closed");
  }

  @Test
  void aBrokenFeedIs400AndChangesNothing() throws IOException {
    int before = jdbc.sql("select count(*) from peer_group").query(Integer.class).single();

    HttpResponse<String> notJson = importFeed("format=meeting-guide&program=aa", "[{\"slug\": ");
    HttpResponse<String> notAnArray = importFeed("format=meeting-guide&program=aa", "{\"meetings\": 1}");
    HttpResponse<String> bmltWithoutFormats = importFeed("format=bmlt&program=na", feed("bmlt-sample-gnyr-GetSearchResults.json"));
    HttpResponse<String> unknownFormat = importFeed("format=csv&program=aa", "[]");
    HttpResponse<String> hostileProgram = importFeed("format=meeting-guide&program=AA%27%3B--", "[]");

    for (HttpResponse<String> response : new HttpResponse[] {notJson, notAnArray, bmltWithoutFormats, unknownFormat, hostileProgram}) {
      assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
      assertThat(ServiceClient.json(response.body()).get("detail").asText()).isNotBlank();
    }
    assertThat(jdbc.sql("select count(*) from peer_group").query(Integer.class).single()).isEqualTo(before);
  }

  @Test
  void onlyAdminsImport() {
    assertThat(service().post("/api/directory/imports?format=meeting-guide&program=aa", null, JSON, "[]").statusCode()).isEqualTo(401);
    assertThat(service().post("/api/directory/imports?format=meeting-guide&program=aa", service().staffToken(), JSON, "[]").statusCode())
        .isEqualTo(403);
    assertThat(service().post("/api/directory/imports?format=meeting-guide&program=aa", service().clinicToken(), JSON, "[]").statusCode())
        .isEqualTo(403);
  }
}
