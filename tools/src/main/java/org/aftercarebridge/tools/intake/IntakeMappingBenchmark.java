package org.aftercarebridge.tools.intake;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.hl7v2.HL7Exception;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.aftercarebridge.integration.intake.DischargeNotification;
import org.aftercarebridge.integration.intake.NotificationBundleToDischargeMapper;
import org.aftercarebridge.integration.intake.v2.AdtToFhirMessageMapper;
import org.aftercarebridge.profiles.AftercareProfiles;
import org.aftercarebridge.profiles.GuideExamples;
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
 * The intake's mapping work per event: reading the discharge out of a parsed notification Bundle, and
 * turning an HL7 v2 ADT^A03 (v2.5.1, as text off the wire) into the FHIR message the FHIR intake takes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class IntakeMappingBenchmark {

  private final NotificationBundleToDischargeMapper notifications = new NotificationBundleToDischargeMapper();
  private final AdtToFhirMessageMapper adt = new AdtToFhirMessageMapper(ZoneId.of("America/New_York"));
  private Bundle discharge;
  private String a03;

  @Setup
  public void setUp() throws IOException {
    FhirContext fhirContext = AftercareProfiles.newFhirContext();
    discharge = GuideExamples.dischargeWithConsent(fhirContext, Instant.now());
    try (InputStream in = IntakeMappingBenchmark.class.getResourceAsStream("/bench/adt-a03-v2.5.1.hl7")) {
      a03 = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Benchmark
  public DischargeNotification readDischarge() {
    return notifications.read(discharge, "clinic-ehr");
  }

  @Benchmark
  public Bundle adtToFhir() throws HL7Exception {
    return adt.toFhirMessage(AdtToFhirMessageMapper.read(a03));
  }
}
