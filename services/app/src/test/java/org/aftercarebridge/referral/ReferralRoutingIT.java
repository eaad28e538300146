package org.aftercarebridge.referral;

import static org.aftercarebridge.support.Fixtures.asJson;
import static org.aftercarebridge.support.Fixtures.freshDischarge;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Message;
import java.net.http.HttpResponse;
import java.util.List;
import org.aftercarebridge.directory.DirectoryFhirIT;
import org.aftercarebridge.support.Broker;
import org.aftercarebridge.support.Outbox;
import org.aftercarebridge.support.ServiceClient;
import org.aftercarebridge.support.ServiceUnderTest;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Referrals go to their coordinator team's queue: with a route for Vermont, a referral to a Vermont
 * group lands on aftercare.referrals.US-VT (with its region, program and person key) and not on
 * aftercare.referrals, where a Massachusetts referral, which no route takes, still arrives.
 */
class ReferralRoutingIT extends ServiceUnderTest {

  @AfterEach
  void drain() {
    Outbox.awaitAllPublished(jdbc);
    receiveAll("aftercare.referrals", null, 500);
    receiveAll("aftercare.referrals.US-VT", null, 500);
  }

  @Test
  void aReferralGoesToItsRegionsQueueAndOthersStayOnTheMainOne() {
    String admin = service().adminToken();
    String group = DirectoryFhirIT.smartBurlington("SMART Recovery Montpelier (routing)", true)
        .replace("44.4772", "44.2601").replace("-73.2121", "-72.5754");
    HttpResponse<String> put = service().put("/fhir/HealthcareService/it-routing-vt", admin, FHIR_JSON, DirectoryFhirIT.withId("it-routing-vt", group));
    assertThat(put.statusCode()).as(put.body()).isIn(200, 201);

    String vermont = refer(44.26, -72.58);
    String massachusetts = refer(null, null);

    List<Message> vt = receiveAll("aftercare.referrals.US-VT", "taskId = '" + vermont + "'", 5000);
    assertThat(vt).hasSize(1);
    assertThat(Broker.property(vt.get(0), "region")).isEqualTo("US-VT");
    assertThat(Broker.property(vt.get(0), "program")).isEqualTo("smart-recovery");
    assertThat(receiveAll("aftercare.referrals", "taskId = '" + vermont + "'", 1000)).isEmpty();
    assertThat(receiveAll("aftercare.referrals", "taskId = '" + massachusetts + "'", 5000)).hasSize(1);
    assertThat(receiveAll("aftercare.referrals.US-VT", "taskId = '" + massachusetts + "'", 500)).isEmpty();
  }

  /** A referral of a person living at the position given (else as in the example, in Massachusetts). */
  private String refer(Double latitude, Double longitude) {
    HttpResponse<String> response = service().postMessage(service().clinicToken(), FHIR_JSON, asJson(freshDischarge(bundle -> {
      if (latitude != null) {
        Patient patient = bundle.getEntry().stream().map(e -> e.getResource()).filter(Patient.class::isInstance)
            .map(Patient.class::cast).findFirst().orElseThrow();
        Address home = patient.getAddressFirstRep();
        home.getExtension().removeIf(e -> e.getUrl().equals("http://hl7.org/fhir/StructureDefinition/geolocation"));
        Extension geo = home.addExtension().setUrl("http://hl7.org/fhir/StructureDefinition/geolocation");
        geo.addExtension("latitude", new DecimalType(latitude));
        geo.addExtension("longitude", new DecimalType(longitude));
      }
    })));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    String taskId = ServiceClient.taskIdIn(response.body());
    Outbox.awaitPublished(jdbc, taskId);
    return taskId;
  }
}
