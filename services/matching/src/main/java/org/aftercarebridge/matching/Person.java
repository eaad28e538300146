package org.aftercarebridge.matching;

import java.util.Set;

/**
 * What matching knows of the person being referred. Nothing here identifies them.
 *
 * @param substances substance classes from their diagnoses; empty when none was sent
 * @param language BCP-47 primary language tag (lower case), or null when unknown
 * @param home where they live, or null when unknown
 */
public record Person(Set<Substance> substances, String language, GeoPoint home) {

  public Person {
    substances = Set.copyOf(substances);
  }
}
