package org.aftercarebridge.integration.matching;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.aftercarebridge.matching.Approach;
import org.aftercarebridge.matching.Cost;
import org.aftercarebridge.matching.GeoPoint;
import org.aftercarebridge.matching.Gender;
import org.aftercarebridge.matching.MeetingFormat;
import org.aftercarebridge.matching.Person;
import org.aftercarebridge.matching.Substance;
import org.aftercarebridge.matching.Trait;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Type;

/**
 * What matching may know of a person, read from FHIR: substances from ICD-10-CM F10–F19 diagnoses,
 * gender, language and home position from the Patient, and everything they told us in their
 * aftercare-preferences answers (which win over the Patient where both speak). Nothing identifying
 * reaches matching.
 */
public final class PersonFromFhir {

  static final String ICD_10_CM = "http://hl7.org/fhir/sid/icd-10-cm";
  static final String GEOLOCATION = "http://hl7.org/fhir/StructureDefinition/geolocation";

  /**
   * @param preferences answers to our aftercare-preferences Questionnaire, or null
   * @param startingPoint where to search from when the Patient's address has no position (a given point, or
   *     where they were discharged); null when unknown
   * @param availableFrom when they can start going to meetings
   */
  public Person toPerson(
      Patient patient, List<Condition> conditions, QuestionnaireResponse preferences, GeoPoint startingPoint, Instant availableFrom) {
    Person.Builder person = Person.builder(availableFrom);
    for (Condition condition : conditions) {
      for (Coding coding : condition.getCode().getCoding()) {
        if (ICD_10_CM.equals(coding.getSystem())) {
          Substance.fromIcd10Cm(coding.getCode()).ifPresent(person::substances);
        }
      }
    }
    if (patient != null) {
      person.gender(gender(patient));
      person.home(home(patient).orElse(startingPoint));
    } else {
      person.home(startingPoint);
    }
    if (preferences != null) {
      readPreferences(preferences, person);
    }
    if (patient != null && !answered(preferences, "language")) {
      patientLanguage(patient).ifPresent(person::language);
    }
    return person.build();
  }

  /** The position of a Location (where the person was discharged), if it has one. */
  public static Optional<GeoPoint> position(Location location) {
    if (location == null || !location.hasPosition() || !location.getPosition().hasLatitude() || !location.getPosition().hasLongitude()) {
      return Optional.empty();
    }
    return point(location.getPosition().getLatitude().doubleValue(), location.getPosition().getLongitude().doubleValue());
  }

  private static void readPreferences(QuestionnaireResponse response, Person.Builder person) {
    for (QuestionnaireResponseItemComponent item : response.getItem()) {
      List<QuestionnaireResponseItemAnswerComponent> answers = item.getAnswer();
      switch (item.getLinkId() == null ? "" : item.getLinkId()) {
        case "approach" -> codes(answers).forEach(code -> Approach.fromCode(code).ifPresent(person::approaches));
        case "identity-groups" -> codes(answers).forEach(code -> Trait.fromCode(code).filter(Trait::isIdentity).ifPresent(person::identityGroups));
        case "language" -> codes(answers).forEach(code -> person.language(primaryTag(code)));
        case "language-required" -> person.languageRequired(firstBoolean(answers));
        case "format" -> codes(answers).forEach(code -> MeetingFormat.fromCode(code).ifPresent(person::formats));
        case "max-travel-km" -> answers.stream().map(QuestionnaireResponseItemAnswerComponent::getValue)
            .filter(DecimalType.class::isInstance).map(v -> ((DecimalType) v).getValue().doubleValue())
            .filter(km -> km > 0).findFirst().ifPresent(person::maxTravelKm);
        case "availability" -> availability(item).ifPresent(person::availability);
        case "cost" -> codes(answers).findFirst().flatMap(PersonFromFhir::costLimit).ifPresent(person::costLimit);
        case "social-anxiety" -> person.socialAnxiety(firstBoolean(answers));
        case "gentle-start" -> codes(answers).forEach(code -> Trait.fromCode(code).filter(Trait::isGentleStart).ifPresent(person::gentleStarts));
        case "accessibility" -> codes(answers).forEach(code -> Trait.fromCode(code)
            .filter(t -> t == Trait.WHEELCHAIR_ACCESSIBLE || t == Trait.SIGN_LANGUAGE).ifPresent(person::needs));
        default -> { } // family-involvement and unknown items do not change matching
      }
    }
  }

  private static boolean answered(QuestionnaireResponse response, String linkId) {
    return response != null && response.getItem().stream().anyMatch(item -> linkId.equals(item.getLinkId()) && item.hasAnswer());
  }

  private static Optional<Person.Availability> availability(QuestionnaireResponseItemComponent group) {
    DayOfWeek day = null;
    LocalTime from = LocalTime.MIN;
    LocalTime to = LocalTime.MAX;
    for (QuestionnaireResponseItemComponent part : group.getItem()) {
      Type value = part.getAnswer().isEmpty() ? null : part.getAnswerFirstRep().getValue();
      if (value == null) {
        continue;
      }
      try {
        switch (part.getLinkId() == null ? "" : part.getLinkId()) {
          case "availability.day" -> day = value instanceof Coding coding ? dayOfWeek(coding.getCode()) : null;
          case "availability.from" -> from = LocalTime.parse(value.primitiveValue());
          case "availability.to" -> to = LocalTime.parse(value.primitiveValue());
          default -> { }
        }
      } catch (DateTimeParseException unreadable) {
        return Optional.empty();
      }
    }
    return from.isAfter(to) ? Optional.empty() : Optional.of(new Person.Availability(day, from, to));
  }

  private static DayOfWeek dayOfWeek(String code) {
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day.name().substring(0, 3).equalsIgnoreCase(code)) {
        return day;
      }
    }
    return null;
  }

  private static Optional<Cost> costLimit(String code) {
    return switch (code) {
      case "free-only" -> Optional.of(Cost.FREE);
      case "donation" -> Optional.of(Cost.DONATION);
      case "sliding-scale" -> Optional.of(Cost.SLIDING_SCALE);
      default -> Optional.empty();
    };
  }

  private static java.util.stream.Stream<String> codes(List<QuestionnaireResponseItemAnswerComponent> answers) {
    return answers.stream()
        .map(QuestionnaireResponseItemAnswerComponent::getValue)
        .filter(Coding.class::isInstance)
        .map(value -> ((Coding) value).getCode())
        .filter(code -> code != null && !code.isBlank());
  }

  private static boolean firstBoolean(List<QuestionnaireResponseItemAnswerComponent> answers) {
    return !answers.isEmpty() && answers.get(0).hasValueBooleanType() && answers.get(0).getValueBooleanType().booleanValue();
  }

  private static Gender gender(Patient patient) {
    if (!patient.hasGender()) {
      return Gender.UNKNOWN;
    }
    return switch (patient.getGender()) {
      case FEMALE -> Gender.FEMALE;
      case MALE -> Gender.MALE;
      case OTHER -> Gender.OTHER;
      default -> Gender.UNKNOWN;
    };
  }

  /** The preferred communication language, else the first one, as a lower-case primary tag ("en"). */
  private static Optional<String> patientLanguage(Patient patient) {
    return patient.getCommunication().stream()
        .sorted((a, b) -> Boolean.compare(b.getPreferred(), a.getPreferred()))
        .flatMap(c -> c.getLanguage().getCoding().stream())
        .map(Coding::getCode)
        .filter(code -> code != null && !code.isBlank())
        .map(PersonFromFhir::primaryTag)
        .findFirst();
  }

  private static String primaryTag(String code) {
    return code.split("-")[0].toLowerCase(Locale.ROOT);
  }

  /** The position of the home address, from the standard geolocation extension, if sent. */
  private static Optional<GeoPoint> home(Patient patient) {
    for (Address address : patient.getAddress()) {
      Extension geo = address.getExtensionByUrl(GEOLOCATION);
      if (geo != null
          && geo.getExtensionByUrl("latitude") != null
          && geo.getExtensionByUrl("longitude") != null
          && geo.getExtensionByUrl("latitude").getValue() instanceof DecimalType lat
          && geo.getExtensionByUrl("longitude").getValue() instanceof DecimalType lng) {
        return point(lat.getValue().doubleValue(), lng.getValue().doubleValue());
      }
    }
    return Optional.empty();
  }

  private static Optional<GeoPoint> point(double latitude, double longitude) {
    try {
      return Optional.of(new GeoPoint(latitude, longitude));
    } catch (IllegalArgumentException outOfRange) {
      return Optional.empty();
    }
  }
}
