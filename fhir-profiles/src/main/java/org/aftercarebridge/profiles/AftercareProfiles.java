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
  public static final String NOTIFICATION_MESSAGE_HEADER =
      CANONICAL_BASE + "/StructureDefinition/aftercare-notification-messageheader";
  public static final String NOTIFICATION_ENCOUNTER =
      CANONICAL_BASE + "/StructureDefinition/aftercare-notification-encounter";
  public static final String NOTIFICATION_PATIENT =
      CANONICAL_BASE + "/StructureDefinition/aftercare-notification-patient";
  public static final String SUD_CONDITION = CANONICAL_BASE + "/StructureDefinition/aftercare-sud-condition";
  public static final String REFERRAL_SERVICE_REQUEST =
      CANONICAL_BASE + "/StructureDefinition/aftercare-referral-servicerequest";
  public static final String REFERRAL_TASK = CANONICAL_BASE + "/StructureDefinition/aftercare-referral-task";
  public static final String PEER_SUPPORT_GROUP = CANONICAL_BASE + "/StructureDefinition/peer-support-group";
  public static final String PEER_SUPPORT_LOCATION = CANONICAL_BASE + "/StructureDefinition/peer-support-location";
  public static final String PREFERENCES_RESPONSE =
      CANONICAL_BASE + "/StructureDefinition/aftercare-preferences-response";
  public static final String PREFERENCES_QUESTIONNAIRE = CANONICAL_BASE + "/Questionnaire/aftercare-preferences";
  public static final String PART2_CONSENT = CANONICAL_BASE + "/StructureDefinition/part2-consent";
  public static final String FOLLOW_UP_TASK = CANONICAL_BASE + "/StructureDefinition/aftercare-followup-task";
  public static final String ENROLLMENT_STATUS = CANONICAL_BASE + "/StructureDefinition/aftercare-enrollment-status";
  public static final String AUDIT_EVENT = CANONICAL_BASE + "/StructureDefinition/aftercare-audit-event";
  public static final String MATCH_EXPLANATION = CANONICAL_BASE + "/StructureDefinition/match-explanation";
  public static final String RECOVERY_PROGRAMS = CANONICAL_BASE + "/CodeSystem/recovery-programs";
  public static final String MEETING_CHARACTERISTICS = CANONICAL_BASE + "/CodeSystem/meeting-characteristics";
  public static final String GROUP_COSTS = CANONICAL_BASE + "/CodeSystem/group-costs";
  public static final String FOLLOW_UP_KINDS = CANONICAL_BASE + "/CodeSystem/follow-up-kinds";
  public static final String DECLINE_REASONS = CANONICAL_BASE + "/CodeSystem/referral-decline-reasons";
  public static final String MEETING_TIME_ZONE = CANONICAL_BASE + "/StructureDefinition/meeting-time-zone";

  /** Da Vinci Unsolicited Notifications event codes (hl7.fhir.us.davinci-alerts). */
  public static final String NOTIFICATION_EVENT_SYSTEM =
      "http://hl7.org/fhir/us/davinci-alerts/CodeSystem/notification-event";
  public static final String NOTIFICATION_DISCHARGE = "notification-discharge";

  /** The Da Vinci discharge notification example, kept as a classpath resource for warm-up and demos. */
  public static final String DISCHARGE_EXAMPLE = "fhir/examples/davinci-discharge-notification-bundle-01.json";

  /** The compiled guide (SUSHI output, put on the classpath by the build) and its index. */
  public static final String GUIDE = "fhir/ig/";
  public static final String GUIDE_EXAMPLES = GUIDE + "examples/";
  /** A Part2Consent naming the peer coordinators and one group (for tests and walkthroughs). */
  public static final String CONSENT_EXAMPLE = GUIDE_EXAMPLES + "Consent-example-alex-part2-consent.json";

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

  /** Every profile, extension, ValueSet and CodeSystem of the guide. */
  public static List<IBaseResource> conformanceResources(FhirContext fhirContext) {
    return indexed(fhirContext, GUIDE);
  }

  /** The guide's valid example instances. */
  public static List<IBaseResource> examples(FhirContext fhirContext) {
    return indexed(fhirContext, GUIDE_EXAMPLES);
  }

  private static List<IBaseResource> indexed(FhirContext fhirContext, String directory) {
    List<IBaseResource> resources = new ArrayList<>();
    for (String name : classpathText(directory + "index.txt").split("\\R")) {
      if (!name.isBlank()) {
        resources.add(fhirContext.newJsonParser().parseResource(classpathText(directory + name.trim())));
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
