package org.aftercarebridge.referral;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Meta;

/**
 * DS4P security labels for what we derive from substance-use-disorder treatment records: restricted
 * confidentiality, SUD information sensitivity and the 42 CFR Part 2 law that governs redisclosure.
 */
public final class Ds4pLabels {

  static final String CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";
  static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
  static final String SEC_LABEL_BASIS =
      "http://hl7.org/fhir/uv/security-label-ds4p/StructureDefinition/extension-sec-label-basis";

  private Ds4pLabels() {}

  public static void applyPart2(Meta meta) {
    Coding restricted = meta.addSecurity().setSystem(CONFIDENTIALITY).setCode("R").setDisplay("restricted");
    restricted.addExtension(SEC_LABEL_BASIS, new Coding(ACT_CODE, "42CFRPart2", "42 CFR Part2"));
    meta.addSecurity(new Coding(ACT_CODE, "SUD", "substance use disorder information sensitivity"));
    meta.addSecurity(new Coding(ACT_CODE, "42CFRPart2", "42 CFR Part2"));
  }
}
