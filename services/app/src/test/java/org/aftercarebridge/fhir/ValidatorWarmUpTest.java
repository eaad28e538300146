package org.aftercarebridge.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.aftercarebridge.profiles.ProfileValidator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

/** Readiness waits for the validator's warm-up, and a failed warm-up keeps the instance out of service. */
class ValidatorWarmUpTest {

  @Test
  void outOfServiceWhileWarmingUpThenUp() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    ProfileValidator validator = mock(ProfileValidator.class);
    doAnswer(invocation -> {
      release.await();
      return null;
    }).when(validator).warmUp();

    ValidatorWarmUp warmUp = new ValidatorWarmUp(validator);
    assertThat(warmUp.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);

    release.countDown();
    await().atMost(Duration.ofSeconds(10)).until(() -> Status.UP.equals(warmUp.health().getStatus()));
  }

  @Test
  void downWhenTheShippedExampleDoesNotValidate() {
    ProfileValidator validator = mock(ProfileValidator.class);
    doThrow(new IllegalStateException("example invalid")).when(validator).warmUp();

    ValidatorWarmUp warmUp = new ValidatorWarmUp(validator);
    await().atMost(Duration.ofSeconds(10)).until(() -> Status.DOWN.equals(warmUp.health().getStatus()));
  }
}
