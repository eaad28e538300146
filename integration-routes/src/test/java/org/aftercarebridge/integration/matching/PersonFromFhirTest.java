package org.aftercarebridge.integration.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.aftercarebridge.matching.Approach;
import org.aftercarebridge.matching.Cost;
import org.aftercarebridge.matching.GeoPoint;
import org.aftercarebridge.matching.Gender;
import org.aftercarebridge.matching.MeetingFormat;
import org.aftercarebridge.matching.Person;
import org.aftercarebridge.matching.Substance;
import org.aftercarebridge.matching.Trait;
import org.aftercarebridge.profiles.AftercareProfiles;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.TimeType;
import org.hl7.fhir.r4.model.Type;
import org.junit.jupiter.api.Test;

class PersonFromFhirTest {

  private static final Instant NOW = Instant.parse("2026-11-23T15:00:00Z");
  private static final GeoPoint DISCHARGE_PLACE = new GeoPoint(42.74, -71.17);
  private static final String MC = AftercareProfiles.MEETING_CHARACTERISTICS;

  private final PersonFromFhir mapper = new PersonFromFhir();

  private static Patient patient() {
    Patient patient = new Patient();
    patient.setGender(AdministrativeGender.FEMALE);
    patient.addCommunication().setPreferred(true).setLanguage(new CodeableConcept(new Coding("urn:ietf:bcp:47", "pt-BR", null)));
    return patient;
  }

  private static Condition diagnosis(String icd10) {
    return new Condition().setCode(new CodeableConcept(new Coding(PersonFromFhir.ICD_10_CM, icd10, null)));
  }

  private static QuestionnaireResponseItemComponent item(QuestionnaireResponse response, String linkId, Type... answers) {
    QuestionnaireResponseItemComponent item = response.addItem().setLinkId(linkId);
    for (Type answer : answers) {
      item.addAnswer().setValue(answer);
    }
    return item;
  }

  @Test
  void fromThePatientAndDiagnoses() {
    Patient patient = patient();
    Extension geo = patient.addAddress().addExtension().setUrl(PersonFromFhir.GEOLOCATION);
    geo.addExtension("latitude", new DecimalType(42.75));
    geo.addExtension("longitude", new DecimalType(-71.2));

    Person person = mapper.toPerson(patient, List.of(diagnosis("F11.20"), diagnosis("F10.10"), diagnosis("I10")), null, DISCHARGE_PLACE, NOW);

    assertThat(person.substances()).containsExactlyInAnyOrder(Substance.OPIOIDS, Substance.ALCOHOL);
    assertThat(person.gender()).isEqualTo(Gender.FEMALE);
    assertThat(person.languages()).containsExactly("pt");
    assertThat(person.languageRequired()).isFalse();
    assertThat(person.home()).isEqualTo(new GeoPoint(42.75, -71.2));
    assertThat(person.availableFrom()).isEqualTo(NOW);
  }

  @Test
  void withoutAHomePositionTheSearchStartsWhereTheyWereDischarged() {
    assertThat(mapper.toPerson(patient(), List.of(), null, DISCHARGE_PLACE, NOW).home()).isEqualTo(DISCHARGE_PLACE);
    assertThat(mapper.toPerson(null, List.of(), null, null, NOW).home()).isNull();
  }

  @Test
  void everyPreferenceAnswerIsRead() {
    QuestionnaireResponse answers = new QuestionnaireResponse();
    item(answers, "approach", new Coding(AftercareProfiles.CANONICAL_BASE + "/CodeSystem/recovery-approaches", "secular", null));
    item(answers, "identity-groups", new Coding(MC, "lgbtq", null), new Coding(MC, "newcomer", null));
    item(answers, "language", new Coding("urn:ietf:bcp:47", "es-MX", null));
    item(answers, "language-required", new BooleanType(true));
    item(answers, "format", new Coding(MC, "online", null));
    item(answers, "accessibility", new Coding(MC, "wheelchair-accessible", null), new Coding(MC, "sign-language", null));
    item(answers, "max-travel-km", new DecimalType(15));
    QuestionnaireResponseItemComponent evenings = answers.addItem().setLinkId("availability");
    evenings.addItem().setLinkId("availability.day").addAnswer().setValue(new Coding("http://hl7.org/fhir/days-of-week", "tue", null));
    evenings.addItem().setLinkId("availability.from").addAnswer().setValue(new TimeType("18:00:00"));
    evenings.addItem().setLinkId("availability.to").addAnswer().setValue(new TimeType("21:30:00"));
    item(answers, "cost", new Coding(AftercareProfiles.CANONICAL_BASE + "/CodeSystem/cost-preferences", "free-only", null));
    item(answers, "social-anxiety", new BooleanType(true));
    item(answers, "gentle-start", new Coding(MC, "one-on-one", null), new Coding(MC, "women", null));
    item(answers, "family-involvement", new BooleanType(true));

    Person person = mapper.toPerson(patient(), List.of(), answers, DISCHARGE_PLACE, NOW);

    assertThat(person.approaches()).containsExactly(Approach.SECULAR);
    assertThat(person.identityGroups()).as("only identity traits").containsExactly(Trait.LGBTQ);
    assertThat(person.languages()).as("the answers win over Patient.communication").containsExactly("es");
    assertThat(person.languageRequired()).isTrue();
    assertThat(person.formats()).containsExactly(MeetingFormat.ONLINE);
    assertThat(person.canAttendInPerson()).isFalse();
    assertThat(person.needs()).containsExactlyInAnyOrder(Trait.WHEELCHAIR_ACCESSIBLE, Trait.SIGN_LANGUAGE);
    assertThat(person.maxTravelKm()).isEqualTo(15.0);
    assertThat(person.availability()).containsExactly(
        new Person.Availability(DayOfWeek.TUESDAY, LocalTime.of(18, 0), LocalTime.of(21, 30)));
    assertThat(person.costLimit()).isEqualTo(Cost.FREE);
    assertThat(person.socialAnxiety()).isTrue();
    assertThat(person.gentleStarts()).as("only gentle-start traits").containsExactly(Trait.ONE_ON_ONE);
  }

  @Test
  void unreadableOrHostileAnswersAreIgnoredNotFatal() {
    QuestionnaireResponse answers = new QuestionnaireResponse();
    item(answers, "max-travel-km", new DecimalType(-5));
    item(answers, "cost", new Coding(null, "priceless", null));
    item(answers, "approach", new Coding(null, "<script>", null));
    QuestionnaireResponseItemComponent broken = answers.addItem().setLinkId("availability");
    broken.addItem().setLinkId("availability.from").addAnswer().setValue(new TimeType("25:99"));
    QuestionnaireResponseItemComponent backwards = answers.addItem().setLinkId("availability");
    backwards.addItem().setLinkId("availability.from").addAnswer().setValue(new TimeType("21:00:00"));
    backwards.addItem().setLinkId("availability.to").addAnswer().setValue(new TimeType("08:00:00"));
    answers.addItem().setLinkId("social-anxiety").addAnswer().setValue(new Coding(null, "yes", null));

    Person person = mapper.toPerson(patient(), List.of(), answers, null, NOW);

    assertThat(person.maxTravelKm()).isNull();
    assertThat(person.costLimit()).isNull();
    assertThat(person.approaches()).isEmpty();
    assertThat(person.availability()).isEmpty();
    assertThat(person.socialAnxiety()).isFalse();
  }
}
