package org.aftercarebridge.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.aftercarebridge.profiles.AftercareProfiles;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/**
 * Adds to HAPI's generated CapabilityStatement what it cannot know: the profile $process-message
 * enforces and how clients authenticate.
 */
@Interceptor
public class CapabilityStatementCustomizer {

  @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
  public void describe(IBaseConformance generated) {
    CapabilityStatement statement = (CapabilityStatement) generated;
    statement.setPublisher("Aftercare Bridge");
    CapabilityStatement.CapabilityStatementRestComponent rest = statement.getRestFirstRep();
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
}
