package org.aftercarebridge.integration.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Business meters of intake, with low-cardinality tags and nothing about the person:
 * {@code aftercare.intake.events{source, outcome}} for every message answered, and
 * {@code aftercare.referrals.made{program}} for every referral made (held ones: program none; not
 * "created": Prometheus reserves that suffix).
 */
@Component
public class IntakeMeters {

  private static final Logger LOG = LoggerFactory.getLogger(IntakeMeters.class);

  /** The exchange property the routes set to say what became of a message. */
  public static final String OUTCOME = "intakeOutcome";

  public enum Source { FHIR, HL7V2 }

  /** What became of a message: referred, held for consent, a duplicate, an event that starts nothing, refused (4xx, AE, AR), not kept now. */
  public enum Outcome { REFERRED, HELD, DUPLICATE, IGNORED, REFUSED, UNAVAILABLE, ERROR }

  private final MeterRegistry registry;

  public IntakeMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Counts (and logs, under the message's correlation id) a message answered. */
  public void answered(Source source, Outcome outcome) {
    LOG.info("Discharge message answered: source={} outcome={}", source.name().toLowerCase(), outcome.name().toLowerCase());
    Counter.builder("aftercare.intake.events")
        .description("Discharge messages answered, by source and outcome")
        .tag("source", source.name().toLowerCase())
        .tag("outcome", outcome.name().toLowerCase())
        .register(registry)
        .increment();
  }

  public void referralCreated(String program) {
    Counter.builder("aftercare.referrals.made")
        .description("Referrals made, by the matched group's program (none: held or unmatched)")
        .tag("program", program == null ? "none" : program)
        .register(registry)
        .increment();
  }
}
