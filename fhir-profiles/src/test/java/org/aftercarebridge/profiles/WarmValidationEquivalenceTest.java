package org.aftercarebridge.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The warm validators give exactly what HAPI's per-call validator gives, on every example, every
 * invalid example and the real Da Vinci bundle, also when one warm validator is reused across valid
 * and invalid inputs many times over (no state leaks from one validation into the next).
 */
class WarmValidationEquivalenceTest {

  private static final FhirContext FHIR = AftercareProfiles.newFhirContext();
  private static ProfileValidator validator;

  @BeforeAll
  static void build() {
    validator = ProfileValidator.create(FHIR);
  }

  record Case(String name, String json, String profile) {}

  private static List<Case> cases() throws IOException {
    List<Case> cases = new ArrayList<>();
    cases.add(new Case("davinci", AftercareProfiles.classpathText(AftercareProfiles.DISCHARGE_EXAMPLE), AftercareProfiles.DISCHARGE_NOTIFICATION));
    String broken = AftercareProfiles.classpathText(AftercareProfiles.DISCHARGE_EXAMPLE)
        .replace("\"finished\"", "\"in-progress\"").replace("\"timestamp\"", "\"timestampx\"");
    cases.add(new Case("davinci-broken", broken, AftercareProfiles.DISCHARGE_NOTIFICATION));
    for (var example : AftercareProfiles.examples(FHIR)) {
      for (var profile : ((Resource) example).getMeta().getProfile()) {
        cases.add(new Case(example.getIdElement().getIdPart(), FHIR.newJsonParser().encodeResourceToString(example), profile.getValue()));
      }
    }
    for (GuideExamplesTest.Invalid invalid : GuideExamplesTest.INVALID) {
      try (InputStream in = WarmValidationEquivalenceTest.class.getResourceAsStream("/invalid-examples/" + invalid.file())) {
        cases.add(new Case(invalid.file(), new String(in.readAllBytes(), StandardCharsets.UTF_8), invalid.profile()));
      }
    }
    return cases;
  }

  private static List<String> describe(List<SingleValidationMessage> messages) {
    return messages.stream()
        .map(m -> m.getSeverity() + " | " + m.getLocationString() + " | " + m.getLocationLine() + ":" + m.getLocationCol()
            + " | " + m.getMessageId() + " | " + m.getMessage())
        .sorted()
        .toList();
  }

  @Test
  void warmResultsEqualHapisOnEveryCaseRepeatedly() throws IOException {
    List<Case> cases = cases();
    assertThat(cases).hasSizeGreaterThan(20);
    for (int round = 0; round < 3; round++) {
      for (Case c : cases) {
        List<String> hapi = describe(validator.validateWithHapi(c.json(), c.profile()));
        List<String> warm = describe(new ArrayList<>(validator.validate(c.json(), c.profile()).messages()));
        assertThat(warm).as(c.name() + " (round " + round + ")").containsExactlyInAnyOrderElementsOf(downgraded(hapi));
      }
    }
  }

  /** ProfileValidator reports unknown claimed profiles as warnings: apply the same to HAPI's list. */
  private static List<String> downgraded(List<String> hapi) {
    return hapi.stream()
        .map(line -> line.contains("| Validation_VAL_Profile_Unknown |") ? line.replaceFirst("^ERROR", "WARNING") : line)
        .sorted()
        .toList();
  }
}
