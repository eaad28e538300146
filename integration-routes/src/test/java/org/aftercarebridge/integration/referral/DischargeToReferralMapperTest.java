package org.aftercarebridge.integration.referral;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.aftercarebridge.directory.DirectoryGroup;
import org.aftercarebridge.integration.intake.DischargeNotification;
import org.aftercarebridge.integration.intake.NotificationBundleToDischargeMapper;
import org.aftercarebridge.matching.GeoPoint;
import java.util.stream.Stream;
import org.aftercarebridge.integration.directory.PeerGroupToHealthcareServiceMapper;
import org.aftercarebridge.integration.matching.PersonFromFhir;
import org.aftercarebridge.matching.MatchResult;
import org.aftercarebridge.matching.MatchingPolicy;
import org.aftercarebridge.matching.MeetingFormat;
import org.aftercarebridge.matching.PeerGroupIndex;
import org.aftercarebridge.matching.PeerGroupMatcher;
import org.aftercarebridge.matching.Person;
import org.aftercarebridge.profiles.AftercareProfiles;
import org.aftercarebridge.profiles.ProfileValidator;
import org.aftercarebridge.profiles.ValidationReport;
import org.aftercarebridge.referral.Referral;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

class DischargeToReferralMapperTest {

  private static final FhirContext FHIR = AftercareProfiles.newFhirContext();
  private static final DirectoryGroup AA_METHUEN =
      new DirectoryGroup(
          "aa-methuen",
          "Methuen Monday",
          "aa",
          MeetingFormat.IN_PERSON,
          Set.of("newcomer", "open"),
          Set.of("en"),
          new GeoPoint(42.7262, -71.1909),
          new DirectoryGroup.Address("10 Pleasant St", "Methuen", "MA", "01844"),
          "US-MA",
          List.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY),
          LocalTime.of(19, 30),
          LocalTime.of(20, 30),
          "America/New_York",
          null,
          "meeting-guide:aa",
          true);

  private final DischargeToReferralMapper mapper =
      new DischargeToReferralMapper(
          FHIR,
          new PatientPseudonyms("a-test-key-of-sufficient-length"),
          new PeerGroupToHealthcareServiceMapper(),
          new ReferralSettings("https://bridge.example/fhir", "unassigned", 3, java.time.Duration.ofDays(1), java.time.Duration.ofDays(2)));

  private static DischargeNotification example() {
    Bundle bundle =
        FHIR.newJsonParser()
            .parseResource(Bundle.class, AftercareProfiles.classpathText(AftercareProfiles.DISCHARGE_EXAMPLE));
    return new NotificationBundleToDischargeMapper().read(bundle, "clinic-ehr");
  }

  private static MatchedDischarge matched(DischargeNotification discharge, DirectoryGroup... groups) {
    Person person =
        new PersonFromFhir()
            .toPerson(discharge.patient(), discharge.conditions(), discharge.preferences(), null, discharge.dischargedAt());
    MatchResult result =
        new PeerGroupMatcher(MatchingPolicy.DEFAULTS)
            .match(person, new PeerGroupIndex(Stream.of(groups).map(DirectoryGroup::toPeerGroup).toList()));
    return new MatchedDischarge(
        discharge,
        result.matches().stream().map(m -> new MatchedGroup(AA_METHUEN, m)).toList(),
        result.summary(),
        result.requirementsMet());
  }

  /** The guide's example consent, in force for a year from now. */
  static org.hl7.fhir.r4.model.Consent consent() {
    org.hl7.fhir.r4.model.Consent consent = (org.hl7.fhir.r4.model.Consent) FHIR.newJsonParser().parseResource(
        DischargeToReferralMapperTest.class.getClassLoader().getResourceAsStream(AftercareProfiles.CONSENT_EXAMPLE));
    consent.getProvision().getPeriod().setStart(new java.util.Date()).setEnd(java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(365))));
    return consent;
  }

  @Test
  void theReferralIsAPeerSupportServiceRequestAndAFulfilmentTaskOwnedByTheChosenGroup() {
    Referral referral = mapper.toReferral(matched(example(), AA_METHUEN), consent(), null);

    assertThat(referral.serviceRequest().getCode().getCodingFirstRep().getCode()).isEqualTo("461481000124109");
    assertThat(referral.serviceRequest().getPerformerFirstRep().getReference()).isEqualTo("HealthcareService/aa-methuen");
    assertThat(referral.serviceRequest().getRequester().getDisplay()).isEqualTo("HOLY FAMILY HOSPITAL");
    Task task = referral.task();
    assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
    assertThat(task.getFocus().getReference())
        .isEqualTo("ServiceRequest/" + referral.serviceRequest().getIdElement().getIdPart());
    assertThat(task.getOwner().getReference()).isEqualTo("HealthcareService/aa-methuen");
    assertThat(task.getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("2.0");
    assertThat(task.getExtensionByUrl(AftercareProfiles.MATCH_EXPLANATION).getExtension())
        .anySatisfy(e -> assertThat(e.getValue().primitiveValue()).contains("km from the person's starting point"));
    assertThat(task.getNoteFirstRep().getText()).isEqualTo("1 group fits: 1 in person within 40 km; online groups fill in");
    assertThat(referral.region()).isEqualTo("US-MA");
    assertThat(referral.groupId()).isEqualTo("aa-methuen");
    assertThat(referral.dischargedAt()).isEqualTo("2018-10-24T05:22:15Z");
    assertThat(task.getMeta().getSecurity()).extracting(Coding::getCode).contains("R", "SUD", "42CFRPart2");
  }

  @Test
  void thePatientSentOnIsTheMinimumNecessary() {
    Referral referral = mapper.toReferral(matched(example(), AA_METHUEN), consent(), null);
    String patient = FHIR.newJsonParser().encodeResourceToString(referral.patient());

    assertThat(referral.patient().getNameFirstRep().getFamily()).isEqualTo("Halvorson124");
    assertThat(referral.patient().getTelecomFirstRep().getValue()).isEqualTo("555-903-1143");
    assertThat(referral.patient().getAddressFirstRep().getCity()).isEqualTo("Methuen");
    assertThat(patient)
        .doesNotContain("999-87-1037") // SSN
        .doesNotContain("S99952689") // driver's licence
        .doesNotContain("06e1f0dd-5fbe-4480-9bb4-6b54ec02d31b") // MRN and source id
        .doesNotContain("715 Crona Corner")
        .doesNotContain("us-core-race")
        .doesNotContain("Marge692");
    assertThat(referral.patient().getIdentifierFirstRep().getValue()).isEqualTo(referral.patientKey());
  }

  @Test
  void theAnnouncementCarriesTheReferralAndTheOfferedGroups() {
    Referral referral = mapper.toReferral(matched(example(), AA_METHUEN), consent(), null);
    Bundle announced = FHIR.newJsonParser().parseResource(Bundle.class, referral.announcement().payload());

    assertThat(announced.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
    assertThat(announced.getEntry())
        .extracting(e -> e.getResource().fhirType())
        .containsExactly("Task", "ServiceRequest", "Patient", "HealthcareService", "Location");
    assertThat(announced.getEntryFirstRep().getFullUrl()).isEqualTo("https://bridge.example/fhir/Task/" + referral.taskId());
    assertThat(referral.announcement().taskId()).isEqualTo(referral.taskId());
    assertThat(referral.announcement().groupKey()).isEqualTo(referral.patientKey());
    assertThat(referral.announcement().priority()).isEqualTo("routine");
  }

  @Test
  void whatWeSendConformsToOurGuide() {
    Referral referral = mapper.toReferral(matched(example(), AA_METHUEN), consent(), null);
    Bundle announced = FHIR.newJsonParser().parseResource(Bundle.class, referral.announcement().payload());
    ProfileValidator validator = ProfileValidator.create(FHIR);
    int checked = 0;
    for (Bundle.BundleEntryComponent entry : announced.getEntry()) {
      for (var profile : entry.getResource().getMeta().getProfile()) {
        ValidationReport report =
            validator.validate(FHIR.newJsonParser().encodeResourceToString(entry.getResource()), profile.getValue());
        assertThat(report.hasErrors()).as(entry.getResource().fhirType() + ": " + report.errorSummary()).isFalse();
        checked++;
      }
    }
    assertThat(checked).as("Task, ServiceRequest, HealthcareService and Location claim our profiles").isEqualTo(4);
  }

  @Test
  void withoutAMatchTheReferralWaitsUnassignedForACoordinator() {
    Referral referral = mapper.toReferral(new MatchedDischarge(example(), List.of(), "No group satisfies every requirement", false), consent(), null);
    assertThat(referral.region()).isEqualTo("unassigned");
    assertThat(referral.groupId()).isNull();
    assertThat(referral.task().hasOwner()).isFalse();
    assertThat(referral.serviceRequest().hasPerformer()).isFalse();
  }

  @Test
  void theReferralRestsOnTheConsentThatCoversIt() {
    Referral referral = mapper.toReferral(matched(example(), AA_METHUEN), consent(), null);

    assertThat(referral.serviceRequest().getSupportingInfoFirstRep().getReference())
        .isEqualTo("Consent/" + referral.consent().getIdElement().getIdPart());
    assertThat(referral.consent().getPatient().getReference()).isEqualTo("Patient/" + referral.patient().getIdElement().getIdPart());
    assertThat(referral.consent().getMeta().getSecurity()).extracting(Coding::getCode).contains("R", "42CFRPart2");
    assertThat(referral.held()).isNull();
    assertThat(referral.announcement().payload()).doesNotContain("\"Consent\"");
  }

  @Test
  void withoutConsentTheReferralIsHeldAndOnlyTheTreatmentCentreIsAskedToObtainOne() {
    DischargeNotification discharge = example();
    Referral referral = mapper.toHeldReferral(discharge, "no consent came with the discharge", "{}");

    assertThat(referral.announcement()).isNull();
    assertThat(referral.held().messageJson()).isEqualTo("{}");
    assertThat(referral.serviceRequest().getStatus()).isEqualTo(org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus.ONHOLD);
    assertThat(referral.serviceRequest().hasPerformer()).isFalse();
    Task task = referral.task();
    assertThat(task.getCode().getCodingFirstRep().getCode()).isEqualTo("obtain-consent");
    assertThat(task.getOwner().getDisplay()).isEqualTo("HOLY FAMILY HOSPITAL");
    assertThat(task.getNoteFirstRep().getText()).contains("no consent came with the discharge").contains("Nothing has been disclosed");
    assertThat(task.getRestriction().getPeriod().getEnd()).isAfter(task.getAuthoredOn());
    ProfileValidator validator = ProfileValidator.create(FHIR);
    ValidationReport report = validator.validate(FHIR.newJsonParser().encodeResourceToString(task), AftercareProfiles.FOLLOW_UP_TASK);
    assertThat(report.hasErrors()).as(report.errorSummary()).isFalse();
  }

  @Test
  void leavingAgainstMedicalAdviceMakesTheReferralUrgent() {
    Encounter encounter = new Encounter();
    encounter
        .getHospitalization()
        .setDischargeDisposition(
            new CodeableConcept(new Coding(DischargeToReferralMapper.DISCHARGE_DISPOSITION, "aadvice", null)));
    assertThat(DischargeToReferralMapper.priority(encounter)).isEqualTo("urgent");
    encounter
        .getHospitalization()
        .setDischargeDisposition(
            new CodeableConcept(new Coding(DischargeToReferralMapper.NUBC_DISCHARGE_STATUS, "07", null)));
    assertThat(DischargeToReferralMapper.priority(encounter)).isEqualTo("urgent");
    assertThat(DischargeToReferralMapper.priority(new Encounter())).isEqualTo("routine");
  }
}
