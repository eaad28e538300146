package org.aftercarebridge.matching;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * A group chosen for a person and why.
 *
 * @param score 0..1: the share of the applicable soft criteria's weight the group earned
 * @param attendance how the person would attend: {@code IN_PERSON} or {@code ONLINE}
 * @param distanceKm from the person's starting point, for in-person attendance; null online
 * @param nextStart the first meeting after the person can start, in the group's time zone; null by appointment
 * @param criteria every criterion met and missed, hard requirements first
 */
public record Match(
    PeerGroup group,
    double score,
    MeetingFormat attendance,
    Double distanceKm,
    ZonedDateTime nextStart,
    List<Criterion> criteria) {

  public Match {
    criteria = List.copyOf(criteria);
  }
}
