package org.aftercarebridge.matching;

import java.util.List;

/** A group chosen for a person, its score (higher is better) and the criteria behind it. */
public record Match(PeerGroup group, double score, List<Criterion> criteria) {

  public Match {
    criteria = List.copyOf(criteria);
  }
}
