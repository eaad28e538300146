package org.aftercarebridge.profiles;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** Canonical URLs of the artefacts this project publishes, and the loader for the shipped ones. */
public final class AftercareProfiles {

  public static final String CANONICAL_BASE = "https://aftercarebridge.org/fhir";
  public static final String DISCHARGE_NOTIFICATION =
      CANONICAL_BASE + "/StructureDefinition/aftercare-discharge-notification";

  /** Da Vinci Unsolicited Notifications event codes (hl7.fhir.us.davinci-alerts). */
  public static final String NOTIFICATION_EVENT_SYSTEM =
      "http://hl7.org/fhir/us/davinci-alerts/CodeSystem/notification-event";
  public static final String NOTIFICATION_DISCHARGE = "notification-discharge";

  /** The Da Vinci discharge notification example, kept as a classpath resource for warm-up and demos. */
  public static final String DISCHARGE_EXAMPLE = "fhir/examples/davinci-discharge-notification-bundle-01.json";

  private static final String MANIFEST = "fhir/manifest.txt";

  private AftercareProfiles() {}

  /**
   * A new R4 FhirContext set up as the service uses it. Build one per process: it is expensive and
   * thread-safe. Resource ids stay as sent, instead of being replaced by a Bundle entry's fullUrl.
   */
  public static FhirContext newFhirContext() {
    FhirContext fhirContext = FhirContext.forR4();
    fhirContext.getParserOptions().setOverrideResourceIdWithBundleEntryFullUrl(false);
    return fhirContext;
  }

  /** Parses every conformance resource listed in {@code fhir/manifest.txt}. */
  public static List<IBaseResource> conformanceResources(FhirContext fhirContext) {
    List<IBaseResource> resources = new ArrayList<>();
    for (String name : classpathText(MANIFEST).split("\\R")) {
      if (!name.isBlank()) {
        resources.add(fhirContext.newJsonParser().parseResource(classpathText("fhir/" + name.trim())));
      }
    }
    return resources;
  }

  public static String classpathText(String path) {
    try (InputStream in = AftercareProfiles.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Missing classpath resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
