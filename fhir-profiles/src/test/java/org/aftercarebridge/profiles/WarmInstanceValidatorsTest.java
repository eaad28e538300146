package org.aftercarebridge.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/**
 * The pool keeps memory bounded: no more validators than its size however many callers there are
 * (a core validator keeps everything it validated), and each is renewed after its uses.
 */
class WarmInstanceValidatorsTest {

  private static final FhirContext FHIR = AftercareProfiles.newFhirContext();

  @Test
  void manyCallersShareThePoolAndValidatorsAreRenewedAfterTheirUses() throws Exception {
    ProfileValidator validator = ProfileValidator.create(FHIR);
    WarmInstanceValidators warm = validator.warmValidators();
    Resource example = (Resource) AftercareProfiles.examples(FHIR).get(0);
    String json = FHIR.newJsonParser().encodeResourceToString(example);
    String profile = example.getMeta().getProfile().get(0).getValue();

    int callers = warm.size() + 6;
    int each = (WarmInstanceValidators.RENEW_AFTER - 1) / callers; // no validator reaches its renewal yet
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int c = 0; c < callers; c++) {
        results.add(pool.submit(() -> {
          boolean allValid = true;
          for (int i = 0; i < each; i++) {
            allValid &= !validator.validate(json, profile).hasErrors();
          }
          return allValid;
        }));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(warm.made()).isBetween(1, warm.size());

    int before = warm.made();
    for (int i = 0; i < 2 * WarmInstanceValidators.RENEW_AFTER * warm.size(); i++) {
      assertThat(validator.validate(json, profile).hasErrors()).isFalse();
    }
    assertThat(warm.made()).isGreaterThan(before);
  }
}
