package org.aftercarebridge.integration.intake;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.aftercarebridge.integration.support.FhirOutcomes;
import org.aftercarebridge.profiles.AftercareProfiles;
import org.aftercarebridge.referral.SourceMessage;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Reads a validated Da Vinci notification message Bundle: the MessageHeader (first entry), its focus
 * Encounter, that Encounter's subject Patient and the Conditions about the same Patient. References
 * are resolved inside the Bundle by {@code fullUrl} or by {@code Type/id}, as FHIR messaging requires.
 */
public final class NotificationBundleToDischargeMapper {

  public DischargeNotification read(Bundle message, String authenticatedClient) {
    MessageHeader header = (MessageHeader) message.getEntryFirstRep().getResource();
    Encounter encounter =
        header.getFocus().stream()
            .map(focus -> resolve(message, focus, Encounter.class))
            .flatMap(Optional::stream)
            .findFirst()
            .orElse(null);
    Patient patient =
        encounter == null ? null : resolve(message, encounter.getSubject(), Patient.class).orElse(null);
    List<Condition> conditions =
        message.getEntry().stream()
            .map(BundleEntryComponent::getResource)
            .filter(Condition.class::isInstance)
            .map(Condition.class::cast)
            .filter(c -> patient == null || refersTo(message, c.getSubject(), patient))
            .toList();
    QuestionnaireResponse preferences =
        message.getEntry().stream()
            .map(BundleEntryComponent::getResource)
            .filter(QuestionnaireResponse.class::isInstance)
            .map(QuestionnaireResponse.class::cast)
            .filter(NotificationBundleToDischargeMapper::answersOurPreferences)
            .filter(qr -> patient != null && refersTo(message, qr.getSubject(), patient))
            .max(Comparator.comparing(QuestionnaireResponse::getAuthored, Comparator.nullsFirst(Comparator.naturalOrder())))
            .orElse(null);
    Location place =
        encounter == null
            ? null
            : encounter.getLocation().stream()
                .map(l -> resolve(message, l.getLocation(), Location.class))
                .flatMap(Optional::stream)
                .findFirst()
                .orElse(null);
    List<Consent> consents =
        message.getEntry().stream()
            .map(BundleEntryComponent::getResource)
            .filter(Consent.class::isInstance)
            .map(Consent.class::cast)
            .filter(c -> patient != null && refersTo(message, c.getPatient(), patient))
            .toList();
    DischargeNotification notification = new DischargeNotification(
        source(message, header, authenticatedClient), header, encounter, patient, conditions, preferences, place, consents, message);
    if (notification.isDischarge() && encounter == null) {
      throw FhirOutcomes.unprocessable("Bundle.entry[0].resource.focus", "does not resolve to an Encounter in the Bundle");
    }
    if (notification.isDischarge() && patient == null) {
      throw FhirOutcomes.unprocessable("Bundle.entry.resource.ofType(Encounter).subject", "does not resolve to a Patient in the Bundle");
    }
    return notification;
  }

  /** Completed answers to our aftercare-preferences Questionnaire (any version of it). */
  private static boolean answersOurPreferences(QuestionnaireResponse response) {
    String questionnaire = response.getQuestionnaire();
    return questionnaire != null
        && questionnaire.split("\\|")[0].equals(AftercareProfiles.PREFERENCES_QUESTIONNAIRE)
        && (response.getStatus() == QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED
            || response.getStatus() == QuestionnaireResponse.QuestionnaireResponseStatus.AMENDED);
  }

  private static SourceMessage source(Bundle message, MessageHeader header, String authenticatedClient) {
    String sendingSystem = header.getSource().getEndpoint();
    String sender = sendingSystem == null ? authenticatedClient : authenticatedClient + "|" + sendingSystem;
    return new SourceMessage(sender, message.getIdElement().getIdPart(), header.getIdElement().getIdPart());
  }

  private static <T extends Resource> Optional<T> resolve(Bundle message, Reference reference, Class<T> type) {
    if (reference == null || reference.getReference() == null) {
      return Optional.empty();
    }
    String target = reference.getReference();
    return message.getEntry().stream()
        .filter(entry -> type.isInstance(entry.getResource()))
        .filter(entry -> target.equals(entry.getFullUrl()) || target.equals(localReference(entry.getResource())))
        .map(entry -> type.cast(entry.getResource()))
        .findFirst();
  }

  private static boolean refersTo(Bundle message, Reference reference, Patient patient) {
    return resolve(message, reference, Patient.class).map(found -> found == patient).orElse(false);
  }

  private static String localReference(Resource resource) {
    String id = resource.getIdElement().getIdPart();
    return id == null ? null : resource.fhirType() + "/" + Objects.requireNonNull(id);
  }
}
