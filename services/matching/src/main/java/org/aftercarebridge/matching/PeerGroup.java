package org.aftercarebridge.matching;

import java.util.Objects;
import java.util.Set;

/**
 * What matching needs to know of a peer-support group.
 *
 * @param focus the substances the group is for; empty means open to any substance
 * @param languages BCP-47 primary language tags the group meets in (lower case)
 * @param location where it meets; null for online-only groups or unknown places
 */
public record PeerGroup(
    String id,
    String program,
    Set<Substance> focus,
    MeetingFormat format,
    Set<String> languages,
    GeoPoint location) {

  public PeerGroup {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(format, "format");
    focus = Set.copyOf(focus);
    languages = Set.copyOf(languages);
  }
}
