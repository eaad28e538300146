package org.aftercarebridge.support;

import ca.uhn.fhir.context.FhirContext;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.function.Consumer;
import org.aftercarebridge.profiles.AftercareProfiles;
import org.aftercarebridge.profiles.GuideExamples;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MessageHeader;

/** The Da Vinci discharge example (with a Part 2 consent), and variants of it with fresh ids so tests do not collide. */
public final class Fixtures {

  public static final FhirContext FHIR = AftercareProfiles.newFhirContext();

  private Fixtures() {}

  /** The Da Vinci example with the Part 2 consent that lets its referral reach the peer coordinators. */
  public static Bundle dischargeExample() {
    return GuideExamples.dischargeWithConsent(FHIR, Instant.now());
  }

  /** The example with a new Bundle.id and MessageHeader.id: a new message about the same discharge. */
  public static Bundle freshDischarge() {
    return freshDischarge(bundle -> {});
  }

  /** A fresh message as the Da Vinci example comes: without any consent. */
  public static Bundle freshDischargeWithoutConsent() {
    return freshDischarge(bundle -> bundle.getEntry().removeIf(entry -> entry.getResource() instanceof Consent));
  }

  public static Bundle freshDischarge(Consumer<Bundle> change) {
    Bundle bundle = dischargeExample();
    bundle.setId(UUID.randomUUID().toString());
    header(bundle).setId(UUID.randomUUID().toString());
    change.accept(bundle);
    return bundle;
  }

  /** The message's Encounter ended (the person was discharged) at {@code end}. */
  public static void dischargedAt(Bundle bundle, Instant end) {
    bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(Encounter.class::isInstance)
        .forEach(encounter -> ((Encounter) encounter).getPeriod().setEnd(Date.from(end)));
  }

  public static MessageHeader header(Bundle bundle) {
    return (MessageHeader) bundle.getEntryFirstRep().getResource();
  }

  public static String asJson(Bundle bundle) {
    return FHIR.newJsonParser().encodeResourceToString(bundle);
  }

  public static String asXml(Bundle bundle) {
    return FHIR.newXmlParser().encodeResourceToString(bundle);
  }
}
