package org.aftercarebridge.matching;

import java.time.ZoneId;
import java.util.List;

/**
 * The tunables of matching, set by configuration.
 *
 * @param limit how many groups an answer names
 * @param enoughNearby the search radius grows along {@code radiusLadderKm} until this many in-person groups fit (BMLT's auto-radius)
 * @param radiusLadderKm the radii tried, smallest first; never beyond the person's (or the default) travel limit
 * @param maxTravelKm how far a person is assumed to travel when they did not say
 * @param defaultCostLimit what a person is assumed to be able to pay when they did not say
 * @param defaultZone the time zone of groups whose directory entry has none
 */
public record MatchingPolicy(
    int limit,
    int enoughNearby,
    List<Double> radiusLadderKm,
    double maxTravelKm,
    Cost defaultCostLimit,
    ZoneId defaultZone,
    Weights weights) {

  public static final MatchingPolicy DEFAULTS =
      new MatchingPolicy(
          5, 10, List.of(1.0, 2.0, 5.0, 10.0, 20.0, 40.0, 80.0, 160.0), 40, Cost.DONATION,
          ZoneId.of("America/New_York"), Weights.DEFAULTS);

  public MatchingPolicy {
    if (limit < 1 || enoughNearby < 1) {
      throw new IllegalArgumentException("limit and enoughNearby must be positive");
    }
    if (maxTravelKm <= 0) {
      throw new IllegalArgumentException("maxTravelKm must be positive");
    }
    radiusLadderKm = radiusLadderKm.stream().sorted().toList();
    if (radiusLadderKm.isEmpty() || radiusLadderKm.get(0) <= 0) {
      throw new IllegalArgumentException("radiusLadderKm needs positive radii");
    }
  }

  public MatchingPolicy withLimit(int newLimit) {
    return new MatchingPolicy(newLimit, enoughNearby, radiusLadderKm, maxTravelKm, defaultCostLimit, defaultZone, weights);
  }

  /** How much each soft criterion counts; a criterion the person expressed no preference on does not count. */
  public record Weights(
      double programFit,
      double philosophy,
      double identity,
      double language,
      double newcomer,
      double socialAnxiety,
      double schedule,
      double distance,
      double cost) {

    public static final Weights DEFAULTS = new Weights(3, 2, 2, 2, 1, 2, 2, 2, 1);
  }
}
