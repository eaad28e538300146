package org.aftercarebridge.fhir;

import java.util.concurrent.CompletableFuture;
import org.aftercarebridge.profiles.ProfileValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Warms the profile validator (snapshots, FHIRPath engine, terminology caches: seconds of work) beside
 * the rest of start-up instead of before it. Readiness includes it, so no traffic is routed to a cold
 * validator; a shipped example that does not validate keeps the instance out of service.
 */
@Component("validator")
public class ValidatorWarmUp implements HealthIndicator {

  private static final Logger log = LoggerFactory.getLogger(ValidatorWarmUp.class);

  private final CompletableFuture<Void> warm;

  public ValidatorWarmUp(ProfileValidator validator) {
    long start = System.nanoTime();
    this.warm = CompletableFuture.runAsync(validator::warmUp, task -> {
      Thread thread = new Thread(task, "validator-warm-up");
      thread.setDaemon(true);
      thread.start();
    });
    warm.whenComplete((done, failure) -> {
      if (failure == null) {
        log.info("FHIR validator warm in {} ms", (System.nanoTime() - start) / 1_000_000);
        // start-up leaves a heap full of garbage (definitions parsed, converted, snapshotted): one
        // collection now lets the JVM give that memory back instead of holding it while idle
        System.gc();
      } else {
        log.error("FHIR validator warm-up failed; the instance stays out of service", failure);
      }
    });
  }

  @Override
  public Health health() {
    if (!warm.isDone()) {
      return Health.outOfService().withDetail("validator", "warming up").build();
    }
    return warm.isCompletedExceptionally()
        ? Health.down().withDetail("validator", "warm-up failed, see the log").build()
        : Health.up().build();
  }
}
