package org.aftercarebridge.matching;

import java.util.List;

/**
 * The answer of matching.
 *
 * @param matches best first; when no group satisfies the hard requirements, the online groups and
 *     one-on-one peer supporters offered instead (possibly none)
 * @param requirementsMet false when no group satisfied every hard requirement
 * @param radiusKm the search radius the in-person search settled on; null when it did not search by place
 * @param summary one sentence for a coordinator: how the matches were found, or why none fit
 */
public record MatchResult(List<Match> matches, boolean requirementsMet, Double radiusKm, String summary) {

  public MatchResult {
    matches = List.copyOf(matches);
  }
}
