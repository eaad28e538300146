package org.aftercarebridge.integration.intake.v2;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.Terser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HexFormat;
import java.util.UUID;
import org.aftercarebridge.profiles.AftercareProfiles;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * An ADT^A03 (discharge) as the FHIR notification message our pipeline reads, after the HL7
 * v2-to-FHIR guide's segment maps: MSH → MessageHeader, PID → Patient, PV1/PV2 → Encounter (PV1-2
 * class, PV1-3 location, PV1-19 visit number, PV1-36 discharge disposition, PV1-44/45 admit and
 * discharge time), DG1 → Condition. Read with a Terser so that every version 2.3–2.8 (parsed into
 * the 2.8 model) maps alike. A field the referral cannot do without is an {@link AdtRefusal} that
 * names it, for the AE acknowledgement.
 */
public final class AdtToFhirMessageMapper {

  static final String V2_0112 = "http://terminology.hl7.org/CodeSystem/v2-0112";
  static final String V3_ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
  static final String ICD_10_CM = "http://hl7.org/fhir/sid/icd-10-cm";
  private static final DateTimeFormatter TO_SECOND = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");
  private static final DateTimeFormatter TO_MINUTE = DateTimeFormatter.ofPattern("uuuuMMddHHmm");

  private final ZoneId zone;

  /** @param zone the time zone of v2 timestamps that carry no offset (the sender's local time) */
  private static final ca.uhn.hl7v2.parser.PipeParser PARSER = parser();

  public AdtToFhirMessageMapper(ZoneId zone) {
    this.zone = zone;
  }

  /**
   * The parser for what we receive: every version read into the 2.8 model (newer structures read
   * older messages), without HAPI's strict validation — the mapper asks for what a referral needs
   * and names what is missing.
   */
  private static ca.uhn.hl7v2.parser.PipeParser parser() {
    ca.uhn.hl7v2.HapiContext context = new ca.uhn.hl7v2.DefaultHapiContext(new ca.uhn.hl7v2.parser.CanonicalModelClassFactory("2.8"));
    context.setValidationContext(ca.uhn.hl7v2.validation.impl.ValidationContextFactory.noValidation());
    // ACK control ids from UUIDs: HAPI's default keeps a counter in a file in the working directory
    context.getParserConfiguration().setIdGenerator(new ca.uhn.hl7v2.util.idgenerator.UUIDGenerator());
    return context.getPipeParser();
  }

  /**
   * The message as received (segments separated by CR, or by LF from hand-made test senders).
   * Whatever the parser cannot make sense of is an {@link HL7Exception} (answered AR), also when
   * HAPI fails in an unexpected way: unreadable input must never look like a passing outage.
   */
  public static Message read(String text) throws HL7Exception {
    try {
      return PARSER.parse(text.replace("\n", "\r").replace("\r\r", "\r"));
    } catch (HL7Exception unreadable) {
      throw unreadable;
    } catch (RuntimeException parserFailure) {
      throw new HL7Exception("Unreadable message: " + parserFailure.getClass().getSimpleName(), parserFailure);
    }
  }

  /** Whether the message is an ADT^A03 (discharge), the event that starts aftercare. */
  public static boolean isDischarge(Message message) throws HL7Exception {
    Terser terser = new Terser(message);
    return "ADT".equals(terser.get("/MSH-9-1")) && "A03".equals(terser.get("/MSH-9-2"));
  }

  public Bundle toFhirMessage(Message message) throws HL7Exception {
    Terser v2 = new Terser(message);
    String controlId = required(v2, "/MSH-10", "MSH-10", "message control id");
    String facility = first(v2.get("/MSH-4-1"), v2.get("/MSH-4-2"), "unknown-facility");
    String application = first(v2.get("/MSH-3-1"), v2.get("/MSH-3-2"), "unknown-application");

    Patient patient = patient(v2);
    Encounter encounter = encounter(v2, patient);
    MessageHeader header = new MessageHeader();
    header.setId(fhirId(facility + "|" + controlId));
    header.getMeta().addProfile(AftercareProfiles.NOTIFICATION_MESSAGE_HEADER);
    header.setEvent(new Coding(AftercareProfiles.NOTIFICATION_EVENT_SYSTEM, AftercareProfiles.NOTIFICATION_DISCHARGE, "Notification Discharge"));
    header.getSource().setName(application).setEndpoint("urn:hl7v2:" + uriPart(facility) + ":" + uriPart(application));
    header.setSender(new Reference().setDisplay(facility));
    header.addFocus(new Reference("urn:uuid:" + encounter.getIdElement().getIdPart()));

    Bundle bundle = new Bundle();
    bundle.setId(header.getIdElement().getIdPart());
    bundle.getIdentifier().setSystem("urn:hl7v2:msh-10:" + uriPart(facility)).setValue(controlId); // v2-to-FHIR: MSH-10
    bundle.setType(Bundle.BundleType.MESSAGE);
    bundle.setTimestamp(time(v2.get("/MSH-7"), "MSH-7"));
    add(bundle, header);
    add(bundle, encounter);
    add(bundle, patient);
    for (int i = 0; i < 50; i++) {
      String code = v2.get("/DG1(" + i + ")-3-1");
      if (code == null) {
        break;
      }
      add(bundle, condition(v2, i, code, patient));
    }
    return bundle;
  }

  private Patient patient(Terser v2) throws HL7Exception {
    Patient patient = new Patient();
    patient.setId(UUID.randomUUID().toString());
    patient.getMeta().addProfile(AftercareProfiles.NOTIFICATION_PATIENT);
    for (int i = 0; i < 10; i++) {
      String id = v2.get("/PID-3(" + i + ")-1");
      if (id == null) {
        break;
      }
      String authority = first(v2.get("/PID-3(" + i + ")-4-2"), v2.get("/PID-3(" + i + ")-4-1"), null);
      patient.addIdentifier().setValue(id).setSystem(authority == null ? null : authority.contains(":") ? authority : "urn:oid:" + authority);
    }
    if (!patient.hasIdentifier()) {
      throw new AdtRefusal("PID-3", "the patient identifier list is empty");
    }
    String family = v2.get("/PID-5-1-1");
    if (family == null) {
      family = v2.get("/PID-5-1");
    }
    String given = v2.get("/PID-5-2");
    if (family == null && given == null) {
      throw new AdtRefusal("PID-5", "the patient has no name");
    }
    patient.addName().setFamily(family).addGiven(given);
    String birth = v2.get("/PID-7-1");
    if (birth != null) {
      patient.setBirthDateElement(new DateType(birthDate(birth).toString()));
    }
    patient.setGender(switch (first(v2.get("/PID-8-1"), "U", null)) {
      case "M" -> Enumerations.AdministrativeGender.MALE;
      case "F" -> Enumerations.AdministrativeGender.FEMALE;
      case "O", "A", "N" -> Enumerations.AdministrativeGender.OTHER;
      default -> Enumerations.AdministrativeGender.UNKNOWN;
    });
    if (v2.get("/PID-11-3") != null || v2.get("/PID-11-5") != null) {
      patient.addAddress()
          .addLine(v2.get("/PID-11-1-1") == null ? v2.get("/PID-11-1") : v2.get("/PID-11-1-1"))
          .setCity(v2.get("/PID-11-3"))
          .setState(v2.get("/PID-11-4"))
          .setPostalCode(v2.get("/PID-11-5"))
          .setCountry(v2.get("/PID-11-6"));
    }
    String phone = first(v2.get("/PID-13-1"), v2.get("/PID-13-12"), null);
    if (phone != null) {
      patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(phone);
    }
    String language = v2.get("/PID-15-1");
    if (language != null) {
      patient.addCommunication().setPreferred(true).getLanguage().addCoding().setSystem("urn:ietf:bcp:47").setCode(language.toLowerCase());
    }
    return patient;
  }

  private Encounter encounter(Terser v2, Patient patient) throws HL7Exception {
    Encounter encounter = new Encounter();
    encounter.setId(UUID.randomUUID().toString());
    encounter.getMeta().addProfile(AftercareProfiles.NOTIFICATION_ENCOUNTER);
    encounter.setStatus(Encounter.EncounterStatus.FINISHED); // HL7 table 0003 A03 → finished (v2-to-FHIR)
    encounter.setClass_(switch (first(v2.get("/PV1-2-1"), "I", null)) {
      case "O" -> new Coding(V3_ACT_CODE, "AMB", "ambulatory");
      case "E" -> new Coding(V3_ACT_CODE, "EMER", "emergency");
      default -> new Coding(V3_ACT_CODE, "IMP", "inpatient encounter");
    });
    encounter.setSubject(new Reference("urn:uuid:" + patient.getIdElement().getIdPart()));
    String visit = v2.get("/PV1-19-1");
    if (visit != null) {
      encounter.addIdentifier().setValue(visit);
    }
    String admitted = v2.get("/PV1-44-1");
    if (admitted != null) {
      encounter.getPeriod().setStart(time(admitted, "PV1-44"));
    }
    String discharged = v2.get("/PV1-45-1");
    if (discharged == null) {
      throw new AdtRefusal("PV1-45", "the discharge date/time is missing: a discharge needs it to plan aftercare");
    }
    encounter.getPeriod().setEnd(time(discharged, "PV1-45"));
    String disposition = v2.get("/PV1-36-1");
    if (disposition != null) {
      encounter.getHospitalization().setDischargeDisposition(new CodeableConcept(new Coding(V2_0112, disposition, null)));
    }
    String location = v2.get("/PV1-3-1");
    String facility = v2.get("/PV1-3-4-1");
    if (location != null || facility != null) {
      encounter.addLocation().getLocation().setDisplay(String.join(" ", first(facility, "", null), first(location, "", null)).trim());
    }
    return encounter;
  }

  private static Condition condition(Terser v2, int index, String code, Patient patient) throws HL7Exception {
    Condition condition = new Condition();
    condition.setId(UUID.randomUUID().toString());
    String system = v2.get("/DG1(" + index + ")-3-3");
    boolean icd10 = system == null || system.startsWith("I10") || system.equalsIgnoreCase("ICD10CM") || system.equalsIgnoreCase("ICD-10-CM");
    condition.setCode(new CodeableConcept(new Coding(icd10 ? ICD_10_CM : "urn:hl7v2:coding-system:" + system, code, v2.get("/DG1(" + index + ")-3-2"))));
    condition.setSubject(new Reference("urn:uuid:" + patient.getIdElement().getIdPart()));
    condition.addCategory(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/condition-category", "encounter-diagnosis", "Encounter Diagnosis")));
    return condition;
  }

  private static LocalDate birthDate(String value) {
    try {
      return LocalDate.parse(value.substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE);
    } catch (RuntimeException e) {
      throw new AdtRefusal("PID-7", "not a date: " + (value.length() > 20 ? value.substring(0, 20) + "…" : value));
    }
  }

  private Date time(String value, String field) {
    if (value == null || value.length() < 8) {
      throw new AdtRefusal(field, "not a date/time: " + (value == null ? "(empty)" : value.length() > 20 ? value.substring(0, 20) + "…" : value));
    }
    try {
      String digits = value.split("[+\\-.]")[0];
      LocalDateTime local = digits.length() >= 14
          ? LocalDateTime.parse(digits.substring(0, 14), TO_SECOND)
          : digits.length() >= 12
              ? LocalDateTime.parse(digits.substring(0, 12), TO_MINUTE)
              : LocalDate.parse(digits.substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE).atStartOfDay();
      int offsetAt = Math.max(value.indexOf('+'), value.indexOf('-'));
      if (offsetAt > 0 && value.length() >= offsetAt + 5) {
        return Date.from(local.atOffset(java.time.ZoneOffset.of(value.substring(offsetAt, offsetAt + 5))).toInstant());
      }
      return Date.from(local.atZone(zone).toInstant());
    } catch (RuntimeException e) {
      throw new AdtRefusal(field, "not a date/time: " + (value.length() > 20 ? value.substring(0, 20) + "…" : value));
    }
  }

  private static String required(Terser v2, String path, String field, String what) throws HL7Exception {
    String value = v2.get(path);
    if (value == null || value.isBlank()) {
      throw new AdtRefusal(field, "the " + what + " is missing");
    }
    return value;
  }

  private static String first(String a, String b, String otherwise) {
    return a != null && !a.isBlank() ? a : b != null && !b.isBlank() ? b : otherwise;
  }

  /** A FHIR id (at most 64 of [A-Za-z0-9-.]) that stands for the value: itself when it is one, else a hash of it. */
  static String fhirId(String value) {
    if (value.matches("[A-Za-z0-9\\-.]{1,64}")) {
      return value;
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return "v2-" + HexFormat.of().formatHex(hash, 0, 24);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String uriPart(String value) {
    return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static void add(Bundle bundle, Resource resource) {
    bundle.addEntry().setFullUrl("urn:uuid:" + (resource instanceof MessageHeader ? UUID.randomUUID() : resource.getIdElement().getIdPart()))
        .setResource(resource);
  }
}
