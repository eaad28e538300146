package org.aftercarebridge.audit;

import ca.uhn.fhir.context.FhirContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.aftercarebridge.referral.SqlWhere;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The audit trail, after IHE Basic Audit Log Patterns (BALP): every intake, disclosure, read, search
 * and update of referral data becomes an AuditEvent naming the client, the server, the resources
 * touched (by reference) and the patient — and nothing of the clinical content itself.
 */
@Service
public class AuditTrail {

  static final String AUDIT_EVENT_TYPE = "http://terminology.hl7.org/CodeSystem/audit-event-type";
  static final String RESTFUL_INTERACTION = "http://hl7.org/fhir/restful-interaction";
  static final String DCM = "http://dicom.nema.org/resources/ontology/DCM";
  static final String LIFECYCLE = "http://terminology.hl7.org/CodeSystem/iso-21089-lifecycle";
  static final String ENTITY_TYPE = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
  static final String ENTITY_ROLE = "http://terminology.hl7.org/CodeSystem/object-role";
  static final String PROFILE = "https://aftercarebridge.org/fhir/StructureDefinition/aftercare-audit-event";
  static final String SERVICE = "Aftercare Bridge";

  /** What happened, as BALP names it. */
  public enum Interaction {
    CREATE("create", AuditEvent.AuditEventAction.C),
    READ("read", AuditEvent.AuditEventAction.R),
    SEARCH("search-type", AuditEvent.AuditEventAction.E),
    UPDATE("update", AuditEvent.AuditEventAction.U),
    /** A discharge message received from a clinical system (BALP PrivacyDisclosure.Recipient). */
    IMPORT("import", AuditEvent.AuditEventAction.C),
    /** Referral data sent out to coordinators (BALP PrivacyDisclosure.Source). */
    DISCLOSE("disclose", AuditEvent.AuditEventAction.R);

    final String code;
    final AuditEvent.AuditEventAction action;

    Interaction(String code, AuditEvent.AuditEventAction action) {
      this.code = code;
      this.action = action;
    }
  }

  /**
   * One audited interaction.
   *
   * @param client the authenticated client (or the recipient of a disclosure)
   * @param entities references of the resources touched ({@code Task/…})
   * @param patient the Patient the data is about ({@code Patient/…}), or null
   * @param failure null on success, else what went wrong (a status, never content)
   * @param requestId the X-Request-Id, when there is one
   */
  public record Entry(Interaction interaction, String client, List<String> entities, String patient, String failure, String requestId) {
    public Entry {
      entities = List.copyOf(entities);
    }
  }

  private final JdbcClient jdbc;
  private final FhirContext fhirContext;

  public AuditTrail(JdbcClient jdbc, FhirContext fhirContext) {
    this.jdbc = jdbc;
    this.fhirContext = fhirContext;
  }

  public void record(Entry entry) {
    AuditEvent event = toAuditEvent(entry, Instant.now());
    jdbc.sql("insert into audit_event (id, recorded, subtype, client, patient_ref, entity_refs, outcome, content)"
            + " values (:id, :recorded, :subtype, :client, :patient, :entities, :outcome, :content)")
        .param("id", event.getIdElement().getIdPart())
        .param("recorded", Timestamp.from(event.getRecorded().toInstant()))
        .param("subtype", entry.interaction().code)
        .param("client", truncate(entry.client(), 200))
        .param("patient", entry.patient())
        .param("entities", truncate(String.join(" ", entry.entities()), 2000))
        .param("outcome", event.getOutcome().toCode())
        .param("content", fhirContext.newJsonParser().encodeResourceToString(event))
        .update();
  }

  /** The Patient a referral Task is for ({@code Patient/…}), or null. */
  public String patientOfTask(String taskId) {
    return jdbc.sql("select patient_id from referral_task where id = :id").param("id", taskId).query(String.class).optional()
        .map(id -> "Patient/" + id).orElse(null);
  }

  public java.util.Optional<AuditEvent> read(String id) {
    return jdbc.sql("select content from audit_event where id = :id").param("id", id).query(String.class).optional()
        .map(json -> fhirContext.newJsonParser().parseResource(AuditEvent.class, json));
  }

  AuditEvent toAuditEvent(Entry entry, Instant at) {
    AuditEvent event = new AuditEvent();
    event.setId(UUID.randomUUID().toString());
    event.getMeta().addProfile(PROFILE);
    boolean disclosure = entry.interaction() == Interaction.IMPORT || entry.interaction() == Interaction.DISCLOSE;
    if (disclosure) {
      event.setType(entry.interaction() == Interaction.IMPORT ? new Coding(DCM, "110107", "Import") : new Coding(DCM, "110106", "Export"));
      event.addSubtype(entry.interaction() == Interaction.IMPORT
          ? new Coding(LIFECYCLE, "receive", "Receive/Acquire Record Lifecycle Event")
          : new Coding(LIFECYCLE, "disclose", "Disclose Record Lifecycle Event"));
    } else {
      event.setType(new Coding(AUDIT_EVENT_TYPE, "rest", "Restful Operation"));
      event.addSubtype(new Coding(RESTFUL_INTERACTION, entry.interaction().code, entry.interaction().code));
    }
    event.setAction(entry.interaction().action);
    event.setRecorded(Date.from(at));
    event.setOutcome(entry.failure() == null ? AuditEvent.AuditEventOutcome._0
        : entry.failure().startsWith("HTTP 4") ? AuditEvent.AuditEventOutcome._4 : AuditEvent.AuditEventOutcome._8);
    if (entry.failure() != null) {
      event.setOutcomeDesc(entry.failure());
    }
    boolean outgoing = entry.interaction() == Interaction.DISCLOSE;
    event.addAgent()
        .setType(new org.hl7.fhir.r4.model.CodeableConcept(new Coding(DCM, outgoing ? "110152" : "110153", outgoing ? "Destination Role ID" : "Source Role ID")))
        .setWho(new Reference().setDisplay(entry.client()))
        .setRequestor(!outgoing);
    event.addAgent()
        .setType(new org.hl7.fhir.r4.model.CodeableConcept(new Coding(DCM, outgoing ? "110153" : "110152", outgoing ? "Source Role ID" : "Destination Role ID")))
        .setWho(new Reference().setDisplay(SERVICE))
        .setRequestor(outgoing);
    event.getSource().setObserver(new Reference().setDisplay(SERVICE));
    for (String reference : entry.entities()) {
      event.addEntity().setWhat(new Reference(reference))
          .setType(new Coding(ENTITY_TYPE, "2", "System Object"))
          .setRole(new Coding(ENTITY_ROLE, "4", "Domain Resource"));
    }
    if (entry.patient() != null) {
      event.addEntity().setWhat(new Reference(entry.patient()))
          .setType(new Coding(ENTITY_TYPE, "1", "Person"))
          .setRole(new Coding(ENTITY_ROLE, "1", "Patient"));
    }
    if (entry.requestId() != null) {
      event.addEntity().setWhat(new Reference().setDisplay("X-Request-Id"))
          .setType(new Coding("https://profiles.ihe.net/ITI/BALP/CodeSystem/BasicAuditEntityType", "XrequestId", "X-Request-Id"))
          .setName(truncate(entry.requestId(), 100));
    }
    if (event.getEntity().isEmpty()) {
      event.addEntity().setWhat(new Reference().setDisplay("(nothing matched)"));
    }
    return event;
  }

  /** Audit search: every criterion given must hold; newest first. */
  public record Search(Instant from, Instant to, String patient, String entity, String client, String subtype, int offset, int count) {}

  public record Page(int total, List<AuditEvent> events) {}

  public Page search(Search search) {
    SqlWhere where = new SqlWhere()
        .and("recorded >= ?", search.from() == null ? null : Timestamp.from(search.from()))
        .and("recorded < ?", search.to() == null ? null : Timestamp.from(search.to()))
        .and("patient_ref = ?", search.patient())
        .and("(' ' || entity_refs || ' ') like ?", search.entity() == null ? null : "% " + search.entity() + " %")
        .and("client = ?", search.client())
        .and("subtype = ?", search.subtype());
    int total = jdbc.sql("select count(*) from audit_event" + where.sql()).params(where.params()).query(Integer.class).single();
    if (search.count() == 0) {
      return new Page(total, List.of());
    }
    List<AuditEvent> events = jdbc.sql("select content from audit_event" + where.sql() + " order by recorded desc, id limit ? offset ?")
        .params(where.paramsAndPage(search.count(), search.offset()))
        .query(String.class)
        .list()
        .stream()
        .map(json -> fhirContext.newJsonParser().parseResource(AuditEvent.class, json))
        .toList();
    return new Page(total, events);
  }

  private static String truncate(String value, int length) {
    return value == null || value.length() <= length ? value : value.substring(0, length);
  }
}
