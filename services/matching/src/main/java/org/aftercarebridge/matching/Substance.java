package org.aftercarebridge.matching;

import java.util.Locale;
import java.util.Optional;

/** Substance classes of the ICD-10-CM F10–F19 families ("mental and behavioural disorders due to …"). */
public enum Substance {
  ALCOHOL("F10", "alcohol"),
  OPIOIDS("F11", "opioids"),
  CANNABIS("F12", "cannabis"),
  SEDATIVES("F13", "sedatives"),
  COCAINE("F14", "cocaine"),
  STIMULANTS("F15", "stimulants"),
  HALLUCINOGENS("F16", "hallucinogens"),
  NICOTINE("F17", "nicotine"),
  INHALANTS("F18", "inhalants"),
  OTHER_DRUGS("F19", "other or several drugs");

  private final String icd10Family;
  private final String label;

  Substance(String icd10Family, String label) {
    this.icd10Family = icd10Family;
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The substance class of an ICD-10-CM code such as {@code F10.20}; empty for codes outside F10–F19. */
  public static Optional<Substance> fromIcd10Cm(String code) {
    if (code == null || code.length() < 3) {
      return Optional.empty();
    }
    String family = code.substring(0, 3).toUpperCase(Locale.ROOT);
    for (Substance substance : values()) {
      if (substance.icd10Family.equals(family)) {
        return Optional.of(substance);
      }
    }
    return Optional.empty();
  }
}
