package org.aftercarebridge.architecture.violations.matching;

/** Violates "matching is plain Java". */
public class SpringAwareMatcher {
  org.springframework.core.env.Environment environment;
}
