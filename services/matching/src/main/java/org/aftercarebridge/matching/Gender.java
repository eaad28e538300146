package org.aftercarebridge.matching;

/** Administrative gender (FHIR Patient.gender): what women-only and men-only meetings go by. */
public enum Gender {
  FEMALE,
  MALE,
  OTHER,
  UNKNOWN
}
