package org.aftercarebridge.support;

import ca.uhn.fhir.context.FhirContext;
import java.util.UUID;
import java.util.function.Consumer;
import org.aftercarebridge.profiles.AftercareProfiles;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MessageHeader;

/** The Da Vinci discharge example, and variants of it with fresh ids so tests do not collide. */
public final class Fixtures {

  public static final FhirContext FHIR = AftercareProfiles.newFhirContext();

  private Fixtures() {}

  public static Bundle dischargeExample() {
    return FHIR.newJsonParser()
        .parseResource(Bundle.class, AftercareProfiles.classpathText(AftercareProfiles.DISCHARGE_EXAMPLE));
  }

  /** The example with a new Bundle.id and MessageHeader.id: a new message about the same discharge. */
  public static Bundle freshDischarge() {
    return freshDischarge(bundle -> {});
  }

  public static Bundle freshDischarge(Consumer<Bundle> change) {
    Bundle bundle = dischargeExample();
    bundle.setId(UUID.randomUUID().toString());
    header(bundle).setId(UUID.randomUUID().toString());
    change.accept(bundle);
    return bundle;
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
