package org.aftercarebridge.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import java.util.List;
import java.util.stream.Collectors;
import org.aftercarebridge.profiles.AftercareProfiles;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/**
 * Adds to HAPI's generated CapabilityStatement what it cannot know: our profiles (as supported
 * profiles of their resource types), our ValueSets, CodeSystems and Questionnaire (named on the
 * entries that serve them), the profile $process-message enforces, and how clients authenticate.
 */
@Interceptor
public class CapabilityStatementCustomizer {

  private final List<StructureDefinition> profiles;
  private final List<MetadataResource> vocabularyAndQuestionnaires;

  public CapabilityStatementCustomizer(List<IBaseResource> guide) {
    this.profiles =
        guide.stream().filter(StructureDefinition.class::isInstance).map(StructureDefinition.class::cast).toList();
    this.vocabularyAndQuestionnaires =
        guide.stream()
            .filter(r -> r instanceof ValueSet || r instanceof CodeSystem || r instanceof Questionnaire)
            .map(MetadataResource.class::cast)
            .toList();
  }

  @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
  public void describe(IBaseConformance generated) {
    CapabilityStatement statement = (CapabilityStatement) generated;
    statement.setPublisher("Aftercare Bridge");
    CapabilityStatement.CapabilityStatementRestComponent rest = statement.getRestFirstRep();
    for (StructureDefinition profile : profiles) {
      resource(rest, profile.getType()).addSupportedProfile(profile.getUrl());
    }
    for (String type : List.of("ValueSet", "CodeSystem", "Questionnaire")) {
      String ours =
          vocabularyAndQuestionnaires.stream()
              .filter(resource -> type.equals(resource.fhirType()))
              .map(MetadataResource::getUrl)
              .sorted()
              .collect(Collectors.joining(", "));
      resource(rest, type).setDocumentation("The Aftercare Bridge guide's " + type + " resources: " + ours);
    }
    rest.getOperation().stream()
        .filter(operation -> "process-message".equals(operation.getName()))
        .forEach(
            operation ->
                operation.setDocumentation(
                    "Da Vinci Unsolicited Notifications delivery. The message Bundle must conform to "
                        + AftercareProfiles.DISCHARGE_NOTIFICATION
                        + "; a notification-discharge event creates a peer-support referral (ServiceRequest + Task)."));
    rest.getSecurity()
        .addService(
            new CodeableConcept(
                new Coding("http://terminology.hl7.org/CodeSystem/restful-security-service", "OAuth", "OAuth")))
        .setDescription(
            "OAuth2 bearer tokens (client credentials). Roles in the token's roles claim decide what a"
                + " client may do: clinical-system posts events, coordinator reads referrals.");
  }

  /**
   * The statement's entry for a resource type; types we only accept inside messages get one without
   * interactions, so that their profiles are still named.
   */
  private static CapabilityStatement.CapabilityStatementRestResourceComponent resource(
      CapabilityStatement.CapabilityStatementRestComponent rest, String type) {
    return rest.getResource().stream()
        .filter(resource -> type.equals(resource.getType()))
        .findFirst()
        .orElseGet(
            () ->
                rest.addResource()
                    .setType(type)
                    .setDocumentation("Accepted inside notification messages ($process-message)"));
  }
}
