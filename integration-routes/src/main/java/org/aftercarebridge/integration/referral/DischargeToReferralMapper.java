package org.aftercarebridge.integration.referral;

import ca.uhn.fhir.context.FhirContext;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.aftercarebridge.directory.DirectoryGroup;
import org.aftercarebridge.integration.intake.DischargeNotification;
import org.aftercarebridge.integration.directory.PeerGroupToHealthcareServiceMapper;
import org.aftercarebridge.integration.matching.MatchExplanations;
import org.aftercarebridge.profiles.AftercareProfiles;
import org.aftercarebridge.referral.Announcement;
import org.aftercarebridge.referral.Ds4pLabels;
import org.aftercarebridge.referral.HeldReferral;
import org.aftercarebridge.referral.Referral;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * Turns a matched discharge into a closed-loop referral: an SDOHCC-style ServiceRequest ("Referral to
 * peer support"), the BSeR/SDOHCC fulfilment Task owned by the chosen group, the minimum-necessary
 * Patient, and the announcement Bundle for the coordinators' queue.
 */
public final class DischargeToReferralMapper {

  static final String SNOMED = "http://snomed.info/sct";
  static final String SDOHCC_CATEGORY = "http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes";
  static final String TASK_CODE = "http://hl7.org/fhir/CodeSystem/task-code";
  static final String BSER_BUSINESS_STATUS = "http://hl7.org/fhir/us/bser/CodeSystem/TaskBusinessStatusCS";
  static final String DISCHARGE_DISPOSITION = "http://terminology.hl7.org/CodeSystem/discharge-disposition";
  static final String NUBC_DISCHARGE_STATUS = "https://www.nubc.org/CodeSystem/PatDischargeStatus";
  /** HL7 v2 table 0112 (PV1-36), whose codes follow NUBC's: 07 is "left against medical advice". */
  static final String V2_DISCHARGE_DISPOSITION = "http://terminology.hl7.org/CodeSystem/v2-0112";
  static final String PATIENT_KEY_SYSTEM = AftercareProfiles.CANONICAL_BASE + "/sid/patient-key";

  private final FhirContext fhirContext;
  private final PatientPseudonyms pseudonyms;
  private final PeerGroupToHealthcareServiceMapper groupMapper;
  private final ReferralSettings settings;

  public DischargeToReferralMapper(
      FhirContext fhirContext,
      PatientPseudonyms pseudonyms,
      PeerGroupToHealthcareServiceMapper groupMapper,
      ReferralSettings settings) {
    this.fhirContext = fhirContext;
    this.pseudonyms = pseudonyms;
    this.groupMapper = groupMapper;
    this.settings = settings;
  }

  /**
   * The referral of a matched discharge that a consent covers; {@code held} names the held referral
   * it releases (its Patient and ServiceRequest keep their ids, the consent is the one stored for it),
   * or is null for a new one.
   */
  public Referral toReferral(MatchedDischarge matched, Consent consent, HeldReferral held) {
    DischargeNotification discharge = matched.discharge();
    Instant now = Instant.now();
    String patientKey = pseudonyms.keyOf(discharge.source().sender(), discharge.patient());
    // Groups offered only because nothing met the person's requirements go to a coordinator to decide.
    MatchedGroup chosen = matched.matches().isEmpty() || !matched.requirementsMet() ? null : matched.matches().get(0);

    String priority = priority(discharge.encounter());
    Patient patient = minimumNecessaryPatient(discharge.patient(), patientKey);
    ServiceRequest serviceRequest = serviceRequest(discharge, patient, chosen, now);
    if (held != null) {
      patient.setId(held.patientId());
      serviceRequest.setId(held.serviceRequestId());
      serviceRequest.setSubject(new Reference("Patient/" + held.patientId()));
    }
    Consent storedConsent = held == null ? storedConsent(consent, patient) : consent; // a releasing consent is stored already
    serviceRequest.addSupportingInfo(new Reference("Consent/" + storedConsent.getIdElement().getIdPart()));
    Task task = task(discharge, serviceRequest, patient, matched, chosen, priority, now);

    String region = chosen == null ? settings.unassignedRegion() : chosen.group().region();
    Announcement announcement = announcement(
        task, serviceRequest, patient, matched.matches().stream().map(MatchedGroup::group).toList(), patientKey, region, now);
    return new Referral(
        held == null ? UUID.randomUUID().toString() : held.referralId(),
        discharge.source(),
        patientKey,
        region,
        chosen == null ? null : chosen.group().id(),
        chosen == null ? null : chosen.group().program(),
        discharge.encounter().getPeriod().getEnd().toInstant(),
        patient,
        serviceRequest,
        task,
        announcement,
        matched.requirementsMet() ? matched.matches().stream().map(m -> m.group().id()).toList() : List.of(),
        storedConsent,
        null);
  }

  /**
   * A discharge no consent covers: kept, announced to nobody. The ServiceRequest is on hold and the
   * only Task asks the treatment centre (the requester) to obtain a 42 CFR Part 2 consent.
   */
  public Referral toHeldReferral(DischargeNotification discharge, String why, String messageJson) {
    Instant now = Instant.now();
    String patientKey = pseudonyms.keyOf(discharge.source().sender(), discharge.patient());
    Patient patient = minimumNecessaryPatient(discharge.patient(), patientKey);
    ServiceRequest serviceRequest = serviceRequest(discharge, patient, null, now);
    serviceRequest.setStatus(ServiceRequest.ServiceRequestStatus.ONHOLD);
    Task task = newPart2Resource(new Task());
    task.getMeta().addProfile(AftercareProfiles.FOLLOW_UP_TASK);
    task.setStatus(Task.TaskStatus.REQUESTED);
    task.setIntent(Task.TaskIntent.ORDER);
    task.setPriority(Task.TaskPriority.fromCode(priority(discharge.encounter())));
    task.setCode(new CodeableConcept(new Coding(AftercareProfiles.FOLLOW_UP_KINDS, "obtain-consent", "Obtain consent")));
    task.addBasedOn(new Reference("ServiceRequest/" + serviceRequest.getIdElement().getIdPart()));
    task.setFocus(new Reference("ServiceRequest/" + serviceRequest.getIdElement().getIdPart()));
    task.setFor(new Reference("Patient/" + patient.getIdElement().getIdPart()));
    task.setAuthoredOn(Date.from(now));
    task.setLastModified(Date.from(now));
    task.setRequester(requester(discharge));
    task.setOwner(requester(discharge));
    task.getRestriction().getPeriod().setEnd(Date.from(now.plus(settings.obtainConsentWithin())));
    task.addNote().setText("Held under 42 CFR Part 2: " + why + ". Nothing has been disclosed. POST a Part2Consent for Patient/"
        + patient.getIdElement().getIdPart() + " naming the peer coordinators as recipient to release the referral.");
    return new Referral(
        UUID.randomUUID().toString(),
        discharge.source(),
        patientKey,
        settings.unassignedRegion(),
        null,
        null,
        discharge.encounter().getPeriod().getEnd().toInstant(),
        patient,
        serviceRequest,
        task,
        null,
        List.of(),
        null,
        new Referral.HeldMessage(messageJson));
  }

  /** Our copy of the consent: its own id, about our Patient, labelled like everything derived from the record. */
  private static Consent storedConsent(Consent consent, Patient patient) {
    Consent stored = consent.copy();
    stored.setId(UUID.randomUUID().toString());
    stored.setMeta(new org.hl7.fhir.r4.model.Meta());
    stored.getMeta().addProfile(AftercareProfiles.PART2_CONSENT);
    Ds4pLabels.applyPart2(stored.getMeta());
    stored.setPatient(new Reference("Patient/" + patient.getIdElement().getIdPart()));
    return stored;
  }

  /**
   * What a peer coordinator needs to reach the person and nothing more: name, how to contact them,
   * language, gender, birth date, and town (no street, no record numbers, SSN, race or ethnicity).
   */
  Patient minimumNecessaryPatient(Patient source, String patientKey) {
    Patient patient = newPart2Resource(new Patient());
    patient.addIdentifier().setSystem(PATIENT_KEY_SYSTEM).setValue(patientKey);
    source.getName().stream().filter(n -> n.getUse() == null || n.getUse().toCode().equals("official")).findFirst()
        .or(() -> source.getName().stream().findFirst())
        .ifPresent(name -> patient.addName(name.copy()));
    source.getTelecom().forEach(t -> patient.addTelecom(t.copy()));
    patient.setGender(source.getGender());
    patient.setBirthDateElement(source.getBirthDateElement().copy());
    source.getCommunication().forEach(c -> patient.addCommunication(c.copy()));
    source.getAddress().stream().findFirst().ifPresent(a -> patient.addAddress(townOnly(a)));
    return patient;
  }

  private static Address townOnly(Address address) {
    return new Address()
        .setCity(address.getCity())
        .setState(address.getState())
        .setPostalCode(address.getPostalCode())
        .setCountry(address.getCountry());
  }

  private ServiceRequest serviceRequest(
      DischargeNotification discharge, Patient patient, MatchedGroup chosen, Instant now) {
    ServiceRequest request = newPart2Resource(new ServiceRequest());
    request.getMeta().addProfile(AftercareProfiles.REFERRAL_SERVICE_REQUEST);
    request.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
    request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
    request.addCategory(new CodeableConcept(new Coding(SNOMED, "410606002", "Social service procedure")));
    request.addCategory(new CodeableConcept(new Coding(SDOHCC_CATEGORY, "social-connection", "Social Connection")));
    request.setCode(new CodeableConcept(new Coding(SNOMED, "461481000124109", "Referral to peer support")));
    request.setSubject(new Reference("Patient/" + patient.getIdElement().getIdPart()));
    request.setAuthoredOn(Date.from(now));
    request.setRequester(requester(discharge));
    discharge.conditions().forEach(c -> request.addReasonCode(c.getCode().copy()));
    if (chosen != null) {
      request.addPerformer(groupReference(chosen));
    }
    return request;
  }

  private Task task(
      DischargeNotification discharge,
      ServiceRequest request,
      Patient patient,
      MatchedDischarge matched,
      MatchedGroup chosen,
      String priority,
      Instant now) {
    Task task = newPart2Resource(new Task());
    task.getMeta().addProfile(AftercareProfiles.REFERRAL_TASK);
    task.setStatus(Task.TaskStatus.REQUESTED);
    task.setIntent(Task.TaskIntent.ORDER);
    task.setPriority(Task.TaskPriority.fromCode(priority));
    task.setCode(new CodeableConcept(new Coding(TASK_CODE, "fulfill", "Fulfill the focal request")));
    task.setBusinessStatus(new CodeableConcept(new Coding(BSER_BUSINESS_STATUS, "2.0", "Service Request Created")));
    task.setFocus(new Reference("ServiceRequest/" + request.getIdElement().getIdPart()));
    task.setFor(new Reference("Patient/" + patient.getIdElement().getIdPart()));
    task.setAuthoredOn(Date.from(now));
    task.setLastModified(Date.from(now));
    task.setRequester(requester(discharge));
    if (chosen != null) {
      task.setOwner(groupReference(chosen));
    }
    // Why each group was offered, best first, and how the search went: for the coordinator to read.
    matched.matches().forEach(offered -> task.addExtension(MatchExplanations.toExtension(offered.match())));
    if (matched.summary() != null) {
      task.addNote().setText(matched.summary());
    }
    if (matched.preferences() != null) {
      task.addNote().setText(matched.preferences()); // what the person asked for, for the coordinator who calls them
    }
    return task;
  }

  private static Reference groupReference(MatchedGroup chosen) {
    return new Reference("HealthcareService/" + chosen.group().id()).setDisplay(chosen.group().name());
  }

  /** The organisation that discharged the person, as the MessageHeader names it. */
  private static Reference requester(DischargeNotification discharge) {
    Reference sender = discharge.header().getSender();
    Reference requester = new Reference().setDisplay(sender.getDisplay());
    if (sender.getDisplay() == null && discharge.header().getSource().getName() != null) {
      requester.setDisplay(discharge.header().getSource().getName());
    }
    return requester;
  }

  /**
   * Leaving treatment against medical advice carries the highest early relapse risk, so such
   * referrals are urgent; every other discharge is routine.
   */
  public static String priority(Encounter encounter) {
    boolean againstAdvice =
        encounter.getHospitalization().getDischargeDisposition().getCoding().stream()
            .anyMatch(
                c ->
                    (DISCHARGE_DISPOSITION.equals(c.getSystem()) && "aadvice".equals(c.getCode()))
                        || ((NUBC_DISCHARGE_STATUS.equals(c.getSystem()) || V2_DISCHARGE_DISPOSITION.equals(c.getSystem()))
                            && "07".equals(c.getCode())));
    return againstAdvice ? "urgent" : "routine";
  }

  /**
   * The queue message about a Task: the Task, its ServiceRequest, the minimum-necessary Patient and
   * the groups in question with their places, as one Bundle.
   */
  Announcement announcement(
      Task task, ServiceRequest request, Patient patient, List<DirectoryGroup> groups, String patientKey, String region, Instant now) {
    Bundle bundle = newPart2Resource(new Bundle());
    bundle.setType(Bundle.BundleType.COLLECTION);
    bundle.setTimestamp(Date.from(now));
    add(bundle, task);
    add(bundle, request);
    add(bundle, patient);
    for (DirectoryGroup group : groups) {
      HealthcareService service = groupMapper.toHealthcareService(group);
      add(bundle, service);
      Location location = groupMapper.toLocation(group);
      if (location != null) {
        add(bundle, location);
      }
    }
    return new Announcement(
        UUID.randomUUID().toString(),
        task.getIdElement().getIdPart(),
        region,
        task.getPriority().toCode(),
        patientKey,
        fhirContext.newJsonParser().encodeResourceToString(bundle),
        null,
        groups.isEmpty() ? null : groups.get(0).program());
  }

  /** The Task that asks the next group after one declined: the declined Task's referral, a new owner. */
  Task nextGroupTask(Task declined, DirectoryGroup group, Instant now) {
    Task task = declined.copy();
    task.setId(UUID.randomUUID().toString());
    task.setMeta(new org.hl7.fhir.r4.model.Meta());
    Ds4pLabels.applyPart2(task.getMeta());
    task.getMeta().addProfile(AftercareProfiles.REFERRAL_TASK);
    task.setStatus(Task.TaskStatus.REQUESTED);
    task.setStatusReason(null);
    task.setOutput(null);
    task.setBusinessStatus(new CodeableConcept(new Coding(BSER_BUSINESS_STATUS, "2.0", "Service Request Created")));
    task.setOwner(new Reference("HealthcareService/" + group.id()).setDisplay(group.name()));
    task.setAuthoredOn(Date.from(now));
    task.setLastModified(Date.from(now));
    return task;
  }

  /**
   * The Task that asks a coordinator to choose a group by hand (follow-up kind choose-group), due
   * within {@code within}: every group asked declined, or none is left to ask.
   */
  Task chooseGroupTask(Task declined, int attempts, java.time.Duration within, Instant now) {
    Task task = newPart2Resource(new Task());
    task.getMeta().addProfile(AftercareProfiles.FOLLOW_UP_TASK);
    task.setStatus(Task.TaskStatus.REQUESTED);
    task.setIntent(Task.TaskIntent.ORDER);
    task.setPriority(declined.getPriority());
    task.setCode(new CodeableConcept(new Coding(AftercareProfiles.FOLLOW_UP_KINDS, "choose-group", "Choose a group")));
    task.addBasedOn(declined.getFocus().copy());
    task.setFocus(declined.getFocus().copy());
    task.addPartOf(new Reference("Task/" + declined.getIdElement().getIdPart()));
    task.setFor(declined.getFor().copy());
    task.setAuthoredOn(Date.from(now));
    task.setLastModified(Date.from(now));
    task.setRequester(declined.getRequester().copy());
    task.getRestriction().getPeriod().setEnd(Date.from(now.plus(within)));
    task.addNote().setText(attempts + (attempts == 1 ? " group was" : " groups were")
        + " asked and declined the referral: choose a group with the person.");
    return task;
  }

  /** A new resource with its own id, labelled as 42 CFR Part 2 data: all we derive from a discharge is. */
  private static <T extends Resource> T newPart2Resource(T resource) {
    resource.setId(UUID.randomUUID().toString());
    Ds4pLabels.applyPart2(resource.getMeta());
    return resource;
  }

  private void add(Bundle bundle, Resource resource) {
    bundle
        .addEntry()
        .setFullUrl(settings.fhirBaseUrl() + "/" + resource.fhirType() + "/" + resource.getIdElement().getIdPart())
        .setResource(resource);
  }
}
