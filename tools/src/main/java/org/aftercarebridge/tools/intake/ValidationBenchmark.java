package org.aftercarebridge.tools.intake;

import ca.uhn.fhir.context.FhirContext;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.aftercarebridge.profiles.AftercareProfiles;
import org.aftercarebridge.profiles.GuideExamples;
import org.aftercarebridge.profiles.ProfileValidator;
import org.aftercarebridge.profiles.ValidationReport;
import org.hl7.fhir.r4.model.Bundle;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The intake's per-event CPU work on the discharge notification the end-to-end benchmark posts (the
 * Da Vinci example with a Part 2 consent): bare HAPI parse, and validation against our discharge
 * profile with the service's own {@link ProfileValidator}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class ValidationBenchmark {

  private FhirContext fhirContext;
  private ProfileValidator validator;
  private String discharge;

  @Setup
  public void setUp() {
    fhirContext = AftercareProfiles.newFhirContext();
    validator = ProfileValidator.create(fhirContext);
    validator.warmUp();
    discharge = fhirContext.newJsonParser().encodeResourceToString(GuideExamples.dischargeWithConsent(fhirContext, Instant.now()));
  }

  @Benchmark
  public Bundle parse() {
    return fhirContext.newJsonParser().parseResource(Bundle.class, discharge);
  }

  @Benchmark
  public ValidationReport validate() {
    ValidationReport report = validator.validate(discharge, AftercareProfiles.DISCHARGE_NOTIFICATION);
    if (report.hasErrors()) {
      throw new IllegalStateException(report.errorSummary());
    }
    return report;
  }
}
