package org.aftercarebridge.matching;

/**
 * Tunables of the matcher.
 *
 * @param maxTravelKm in-person groups farther than this from home are not offered
 */
public record MatchingRules(double maxTravelKm) {

  public static final MatchingRules DEFAULTS = new MatchingRules(40);

  public MatchingRules {
    if (maxTravelKm <= 0) {
      throw new IllegalArgumentException("maxTravelKm must be positive");
    }
  }
}
