package org.aftercarebridge.referral;

import java.util.List;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/** What follows when a group declines a referral: the next group's Task, or a coordinator's decision. */
public interface Rerouting {

  Handover afterDecline(Declined declined);

  /**
   * @param attempts how many groups have been asked so far
   * @param untriedGroupIds groups matching offered that have not been asked yet, best first
   */
  record Declined(
      String referralId, String patientKey, Task task, int attempts, List<String> untriedGroupIds, ServiceRequest serviceRequest,
      Patient patient) {}

  /**
   * The Task that takes over; with the announcement that tells coordinators about it, and the
   * referral's new group (null when a coordinator must decide).
   */
  record Handover(Task task, Announcement announcement, String groupId, String program, String region, ServiceRequest serviceRequest) {}
}
