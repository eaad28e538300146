package org.aftercarebridge.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aftercarebridge.profiles.build.IgPackager;
import org.junit.jupiter.api.Test;

/** The README's profile summary is generated from the compiled guide, never hand-edited. */
class ProfileSummaryTest {

  @Test
  void theReadmeSummaryIsTheGeneratedOne() throws IOException {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    String generated = AftercareProfiles.classpathText(AftercareProfiles.GUIDE + "summary.md");
    assertThat(readme)
        .as("fhir-profiles/README.md is out of date: run scripts/update-fhir-docs")
        .isEqualTo(IgPackager.withSummary(readme, generated));
  }
}
