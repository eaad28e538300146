package org.aftercarebridge.referral;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The person's enrolment in the group they were referred to, as Gravity SDOH's program-enrollment
 * Observation: {@code enrolled} when a first meeting is recorded as attended, {@code not-enrolled}
 * when a referral Task fails or is cancelled after it was accepted (a drop-out). Recorded in the Task
 * change's transaction, as a resource of the referral (readable and searchable by patient).
 */
@Service
public class Enrolments {

  static final String PROFILE = "https://aftercarebridge.org/fhir/StructureDefinition/aftercare-enrollment-status";
  static final String SDOHCC_TEMP = "http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes";
  static final String RECOVERY_PROGRAMS = "https://aftercarebridge.org/fhir/CodeSystem/recovery-programs";
  private static final String ATTENDED = TaskLifecycle.BusinessStatus.EVENT_COMPLETED.code;
  private static final Set<TaskStatus> ACCEPTED_STATES = EnumSet.of(TaskStatus.ACCEPTED, TaskStatus.INPROGRESS, TaskStatus.ONHOLD);
  private static final Set<TaskStatus> DROP_OUTS = EnumSet.of(TaskStatus.FAILED, TaskStatus.CANCELLED);

  private final JdbcClient jdbc;
  private final Referrals referrals;
  private final MeterRegistry meters;

  public Enrolments(JdbcClient jdbc, Referrals referrals, MeterRegistry meters) {
    this.jdbc = jdbc;
    this.referrals = referrals;
    this.meters = meters;
  }

  /** A Task of the referral changed (before the change is recorded as an event). */
  void changed(String referralId, boolean referralTask, TaskStatus from, Task next, Instant now) {
    if (firstAttendance(referralId, next)) {
      Facts facts = record(referralId, "enrolled", "Enrolled", now);
      timeToFirstMeeting(facts, now);
    } else if (referralTask && ACCEPTED_STATES.contains(from) && DROP_OUTS.contains(next.getStatus())) {
      record(referralId, "not-enrolled", "Not Enrolled", now);
    }
  }

  private boolean firstAttendance(String referralId, Task next) {
    boolean attended = next.hasBusinessStatus() && ATTENDED.equals(next.getBusinessStatus().getCodingFirstRep().getCode());
    return attended && jdbc.sql("select count(*) from referral_event where referral_id = :id and business_status = :attended")
        .param("id", referralId)
        .param("attended", ATTENDED)
        .query(Integer.class)
        .single() == 0;
  }

  private Facts record(String referralId, String code, String display, Instant now) {
    Facts facts = jdbc.sql("select patient_id, service_request_id, group_id, program, coalesce(discharged_at, created_at) as day_zero"
            + " from referral where id = :id")
        .param("id", referralId)
        .query((rs, n) -> new Facts(rs.getString("patient_id"), rs.getString("service_request_id"), rs.getString("group_id"),
            rs.getString("program"), rs.getTimestamp("day_zero").toInstant()))
        .single();
    if (facts.groupId() != null) { // else nothing to be enrolled in: no group was chosen
      referrals.insertResource(referralId, observation(facts, code, display, now), now);
    }
    return facts;
  }

  /** Days from discharge to the first attended meeting, by program: a histogram for dashboards and alerts. */
  private void timeToFirstMeeting(Facts facts, Instant now) {
    DistributionSummary.builder("aftercare.engagement.first.meeting")
        .description("Days from discharge to the first attended meeting")
        .baseUnit("days")
        .tag("program", facts.program() == null ? "none" : facts.program())
        .serviceLevelObjectives(2, 7, 14, 30, 90)
        .register(meters)
        .record(Math.max(0, Duration.between(facts.dayZero(), now).toSeconds()) / 86_400.0);
  }

  static Observation observation(Facts facts, String code, String display, Instant now) {
    Observation observation = new Observation();
    observation.setId(UUID.randomUUID().toString());
    observation.getMeta().addProfile(PROFILE);
    Ds4pLabels.applyPart2(observation.getMeta());
    observation.setStatus(Observation.ObservationStatus.FINAL);
    observation.addCategory(new CodeableConcept(new Coding(SDOHCC_TEMP, "program-enrollment", "Program Enrollment Status")));
    observation.setCode(facts.program() == null
        ? new CodeableConcept().setText("peer support")
        : new CodeableConcept(new Coding(RECOVERY_PROGRAMS, facts.program(), null)));
    observation.setSubject(new Reference("Patient/" + facts.patientId()));
    observation.addBasedOn(new Reference("ServiceRequest/" + facts.serviceRequestId()));
    observation.addFocus(new Reference("HealthcareService/" + facts.groupId()));
    observation.setEffective(new org.hl7.fhir.r4.model.DateTimeType(Date.from(now)));
    observation.setValue(new CodeableConcept(new Coding(SDOHCC_TEMP, code, display)));
    return observation;
  }

  record Facts(String patientId, String serviceRequestId, String groupId, String program, Instant dayZero) {}
}
