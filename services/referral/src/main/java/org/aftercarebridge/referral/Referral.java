package org.aftercarebridge.referral;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * A new aftercare referral: the FHIR resources that make it up, the facts we query it by, the
 * message it came from and the announcement that goes to the coordinators' queue.
 *
 * @param patientKey pseudonymous, stable key of the person (never an identifier from the source)
 * @param groupId the matched peer group, or null when nothing matched and a coordinator must choose
 * @param program the matched group's program, or null
 * @param offeredGroupIds the groups matching offered, best first: the next is asked when one declines
 */
public record Referral(
    String id,
    SourceMessage source,
    String patientKey,
    String region,
    String groupId,
    String program,
    Instant dischargedAt,
    Patient patient,
    ServiceRequest serviceRequest,
    Task task,
    Announcement announcement,
    List<String> offeredGroupIds) {

  public Referral {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(patientKey, "patientKey");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(patient, "patient");
    Objects.requireNonNull(serviceRequest, "serviceRequest");
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(announcement, "announcement");
    offeredGroupIds = List.copyOf(offeredGroupIds);
  }

  public String taskId() {
    return task.getIdElement().getIdPart();
  }
}
