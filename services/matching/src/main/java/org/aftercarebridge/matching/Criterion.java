package org.aftercarebridge.matching;

/**
 * One reason a group was, or was not, a good fit: what a coordinator reads.
 *
 * @param name the criterion, e.g. {@code distance}; hard requirements are named {@code requirement}
 */
public record Criterion(String name, boolean met, String explanation) {

  static Criterion met(String name, String explanation) {
    return new Criterion(name, true, explanation);
  }

  static Criterion missed(String name, String explanation) {
    return new Criterion(name, false, explanation);
  }
}
