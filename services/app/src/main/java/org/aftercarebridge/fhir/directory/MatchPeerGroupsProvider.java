package org.aftercarebridge.fhir.directory;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.Date;
import java.util.List;
import org.aftercarebridge.integration.directory.PeerGroupToHealthcareServiceMapper;
import org.aftercarebridge.integration.matching.MatchExplanations;
import org.aftercarebridge.integration.matching.Matchmaker;
import org.aftercarebridge.integration.referral.MatchedGroup;
import org.aftercarebridge.matching.GeoPoint;
import org.aftercarebridge.matching.MatchResult;
import org.aftercarebridge.profiles.AftercareProfiles;
import org.aftercarebridge.profiles.ProfileValidator;
import org.aftercarebridge.profiles.ValidationReport;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.stereotype.Component;

/**
 * {@code POST /fhir/$match-peer-groups}: which groups the matcher would offer a person now, best
 * first, each with its score and the criteria met and missed. In: Parameters with {@code patient}
 * (required), {@code preferences} (answers to our aftercare-preferences Questionnaire),
 * {@code condition} (diagnoses, repeating), {@code near} ("lat|lng": where to search from) and
 * {@code count} (1–50). Out: a searchset Bundle; its outcome entry says how the search went.
 */
@Component
public class MatchPeerGroupsProvider {

  static final int MAX_COUNT = 50;

  private final Matchmaker matchmaker;
  private final ProfileValidator validator;
  private final FhirContext fhirContext;
  private final PeerGroupToHealthcareServiceMapper toFhir = new PeerGroupToHealthcareServiceMapper();

  public MatchPeerGroupsProvider(Matchmaker matchmaker, ProfileValidator validator, FhirContext fhirContext) {
    this.matchmaker = matchmaker;
    this.validator = validator;
    this.fhirContext = fhirContext;
  }

  @Operation(name = "$match-peer-groups", idempotent = false, returnParameters = {})
  public Bundle match(
      @OperationParam(name = "patient", min = 1, max = 1) Patient patient,
      @OperationParam(name = "preferences", max = 1) QuestionnaireResponse preferences,
      @OperationParam(name = "condition") List<Condition> conditions,
      @OperationParam(name = "near", max = 1) StringType near,
      @OperationParam(name = "count", max = 1) IntegerType count) {
    if (patient == null) {
      throw new InvalidRequestException("Parameter patient (a Patient) is required");
    }
    if (preferences != null) {
      ValidationReport report = validator.validate(
          fhirContext.newJsonParser().encodeResourceToString(preferences), AftercareProfiles.PREFERENCES_RESPONSE);
      if (report.hasErrors()) {
        throw new UnprocessableEntityException(fhirContext, report.toOperationOutcome());
      }
    }
    if (count != null && (count.getValue() == null || count.getValue() < 1 || count.getValue() > MAX_COUNT)) {
      throw new InvalidRequestException("count must be between 1 and " + MAX_COUNT);
    }
    MatchResult result = matchmaker.preview(
        patient, conditions == null ? List.of() : conditions, preferences, near == null ? null : point(near.getValue()),
        count == null ? null : count.getValue());
    return searchset(result);
  }

  private Bundle searchset(MatchResult result) {
    Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
    bundle.setTimestamp(new Date());
    List<MatchedGroup> matched = matchmaker.groups(result);
    bundle.setTotal(matched.size());
    for (MatchedGroup group : matched) {
      Bundle.BundleEntryComponent entry = bundle.addEntry()
          .setFullUrl("HealthcareService/" + group.group().id())
          .setResource(toFhir.toHealthcareService(group.group()));
      entry.getSearch().setMode(Bundle.SearchEntryMode.MATCH).setScore(group.match().score());
      entry.getSearch().addExtension(MatchExplanations.toExtension(group.match()));
    }
    for (MatchedGroup group : matched) {
      Location location = toFhir.toLocation(group.group());
      if (location != null) {
        bundle.addEntry().setFullUrl("Location/" + location.getIdElement().getIdPart()).setResource(location)
            .getSearch().setMode(Bundle.SearchEntryMode.INCLUDE);
      }
    }
    OperationOutcome outcome = new OperationOutcome();
    outcome.addIssue()
        .setSeverity(result.requirementsMet() ? OperationOutcome.IssueSeverity.INFORMATION : OperationOutcome.IssueSeverity.WARNING)
        .setCode(result.requirementsMet() ? OperationOutcome.IssueType.INFORMATIONAL : OperationOutcome.IssueType.NOTFOUND)
        .setDiagnostics(result.summary());
    bundle.addEntry().setResource(outcome).getSearch().setMode(Bundle.SearchEntryMode.OUTCOME);
    return bundle;
  }

  private static GeoPoint point(String near) {
    String[] parts = near == null ? new String[0] : near.split("\\|");
    try {
      if (parts.length != 2) {
        throw new IllegalArgumentException("expected lat|lng");
      }
      return new GeoPoint(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("near must be latitude|longitude: " + e.getMessage());
    }
  }
}
