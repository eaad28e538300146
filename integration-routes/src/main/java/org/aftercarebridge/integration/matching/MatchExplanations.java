package org.aftercarebridge.integration.matching;

import org.aftercarebridge.matching.Criterion;
import org.aftercarebridge.matching.Match;
import org.aftercarebridge.profiles.AftercareProfiles;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/** A match as our match-explanation extension: the group, the score and every criterion met and missed. */
public final class MatchExplanations {

  private MatchExplanations() {}

  public static Extension toExtension(Match match) {
    Extension explanation = new Extension(AftercareProfiles.MATCH_EXPLANATION);
    explanation.addExtension(
        "group", new Reference("HealthcareService/" + match.group().id()).setDisplay(match.group().name()));
    explanation.addExtension("score", new DecimalType(match.score()));
    for (Criterion criterion : match.criteria()) {
      explanation.addExtension(criterion.met() ? "met" : "missed", new StringType(criterion.explanation()));
    }
    return explanation;
  }
}
