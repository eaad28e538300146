package org.aftercarebridge.profiles;

import ca.uhn.fhir.context.FhirContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;

/** Example messages for tests, benchmarks and walkthroughs, built from the guide's examples. */
public final class GuideExamples {

  private GuideExamples() {}

  /** The Da Vinci discharge example as shipped: no consent comes with it. */
  public static Bundle discharge(FhirContext fhirContext) {
    return fhirContext.newJsonParser().parseResource(Bundle.class, AftercareProfiles.classpathText(AftercareProfiles.DISCHARGE_EXAMPLE));
  }

  /**
   * The discharge example with the guide's Part2Consent about its Patient, in force from a day
   * before {@code now} for half a year: the consent that lets the referral reach the peer coordinators.
   */
  public static Bundle dischargeWithConsent(FhirContext fhirContext, Instant now) {
    Bundle bundle = discharge(fhirContext);
    Bundle.BundleEntryComponent patient = bundle.getEntry().stream()
        .filter(entry -> entry.getResource() instanceof Patient)
        .findFirst()
        .orElseThrow();
    Consent consent = (Consent) fhirContext.newJsonParser().parseResource(AftercareProfiles.classpathText(AftercareProfiles.CONSENT_EXAMPLE));
    consent.setId(UUID.randomUUID().toString());
    consent.setPatient(new Reference(patient.getFullUrl()));
    consent.getProvision().getPeriod()
        .setStart(Date.from(now.minus(Duration.ofDays(1))))
        .setEnd(Date.from(now.plus(Duration.ofDays(182))));
    bundle.addEntry().setFullUrl("urn:uuid:" + consent.getIdElement().getIdPart()).setResource(consent);
    return bundle;
  }
}
