package org.aftercarebridge.integration.consent;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.aftercarebridge.profiles.AftercareProfiles;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.junit.jupiter.api.Test;

class Part2ConsentPolicyTest {

  private static final FhirContext FHIR = AftercareProfiles.newFhirContext();
  private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
  private final Part2ConsentPolicy policy =
      new Part2ConsentPolicy(Set.of("https://aftercarebridge.org/fhir/sid/organization|peer-coordinators"), Set.of("TREAT", "COC"));

  /** The guide's example: Part 2, permit, TREAT, naming the peer coordinators and one group, in force now. */
  private static Consent consent(Consumer<Consent> change) {
    Consent consent = (Consent) FHIR.newJsonParser().parseResource(
        Part2ConsentPolicyTest.class.getClassLoader().getResourceAsStream(AftercareProfiles.CONSENT_EXAMPLE));
    consent.getProvision().getPeriod().setStart(Date.from(NOW.minus(Duration.ofDays(1)))).setEnd(Date.from(NOW.plus(Duration.ofDays(180))));
    change.accept(consent);
    return consent;
  }

  @Test
  void theGuidesExampleCoversTheReferral() {
    Consent consent = consent(c -> {});
    assertThat(policy.whyNot(consent, NOW)).isNull();
    assertThat(policy.covering(List.of(consent), NOW)).containsSame(consent);
  }

  @Test
  void anythingLessIsNoConsent() {
    assertThat(policy.whyNot(consent(c -> c.setStatus(Consent.ConsentState.INACTIVE)), NOW)).contains("not active");
    assertThat(policy.whyNot(consent(c -> c.setStatus(Consent.ConsentState.PROPOSED)), NOW)).contains("not active");
    assertThat(policy.whyNot(consent(c -> c.getPolicyRule().getCodingFirstRep().setCode("HIPAAAuth")), NOW)).contains("42 CFR Part 2");
    assertThat(policy.whyNot(consent(c -> c.getProvision().setType(Consent.ConsentProvisionType.DENY)), NOW)).contains("does not permit");
    assertThat(policy.whyNot(consent(c -> c.getProvision().getPeriod().setEnd(Date.from(NOW.minusSeconds(1)))), NOW)).contains("expired");
    assertThat(policy.whyNot(consent(c -> c.getProvision().getPeriod().setEnd(null)), NOW)).contains("expired");
    assertThat(policy.whyNot(consent(c -> c.getProvision().getPeriod().setStart(Date.from(NOW.plusSeconds(60)))), NOW)).contains("not in force yet");
    assertThat(policy.whyNot(consent(c -> c.getProvision().getPurpose().set(0, new Coding(Part2ConsentPolicy.ACT_REASON, "HMARKT", null))), NOW))
        .contains("purposes");
    assertThat(policy.whyNot(consent(c -> c.getProvision().getActor().remove(0)), NOW)).contains("does not name the peer coordinators");
    assertThat(policy.whyNot(consent(c -> c.getProvision().getActorFirstRep().getRole().getCodingFirstRep().setCode("PRCP")), NOW))
        .contains("does not name the peer coordinators");
    assertThat(policy.covering(List.of(consent(c -> c.setStatus(Consent.ConsentState.REJECTED))), NOW)).isEmpty();
  }
}
