package org.aftercarebridge.integration.referral;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.aftercarebridge.integration.intake.DischargeNotification;
import org.aftercarebridge.matching.GeoPoint;
import org.aftercarebridge.matching.Person;
import org.aftercarebridge.matching.Substance;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Patient;

/** What matching may know of the person: substances (ICD-10-CM F10–F19), language and home position. */
public final class DischargeToPersonMapper {

  static final String ICD_10_CM = "http://hl7.org/fhir/sid/icd-10-cm";
  static final String GEOLOCATION = "http://hl7.org/fhir/StructureDefinition/geolocation";

  public Person toPerson(DischargeNotification discharge) {
    Set<Substance> substances = EnumSet.noneOf(Substance.class);
    for (Condition condition : discharge.conditions()) {
      for (Coding coding : condition.getCode().getCoding()) {
        if (ICD_10_CM.equals(coding.getSystem())) {
          Substance.fromIcd10Cm(coding.getCode()).ifPresent(substances::add);
        }
      }
    }
    Patient patient = discharge.patient();
    return new Person(substances, language(patient), home(patient));
  }

  /** The preferred communication language, else the first one, as a lower-case primary tag ("en"). */
  private static String language(Patient patient) {
    if (patient == null) {
      return null;
    }
    return patient.getCommunication().stream()
        .sorted((a, b) -> Boolean.compare(b.getPreferred(), a.getPreferred()))
        .flatMap(c -> c.getLanguage().getCoding().stream())
        .map(Coding::getCode)
        .filter(code -> code != null && !code.isBlank())
        .map(code -> code.split("-")[0].toLowerCase(Locale.ROOT))
        .findFirst()
        .orElse(null);
  }

  /** The position of the home address, from the standard geolocation extension, if sent. */
  private static GeoPoint home(Patient patient) {
    if (patient == null) {
      return null;
    }
    for (Address address : patient.getAddress()) {
      Extension geo = address.getExtensionByUrl(GEOLOCATION);
      if (geo != null
          && geo.getExtensionByUrl("latitude") != null
          && geo.getExtensionByUrl("longitude") != null
          && geo.getExtensionByUrl("latitude").getValue() instanceof DecimalType lat
          && geo.getExtensionByUrl("longitude").getValue() instanceof DecimalType lng) {
        try {
          return new GeoPoint(lat.getValue().doubleValue(), lng.getValue().doubleValue());
        } catch (IllegalArgumentException outOfRange) {
          return null;
        }
      }
    }
    return null;
  }
}
