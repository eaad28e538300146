package org.aftercarebridge.profiles.build;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.StructureDefinition;

/**
 * Build step: writes the FHIR package {@code hl7.fhir.r4.core#4.0.1} into the local FHIR package cache
 * ({@code ~/.fhir/packages}) from the R4 definitions HAPI ships (hapi-fhir-validation-resources-r4).
 *
 * <p>SUSHI compiles FHIR Shorthand against that package and would download it from the FHIR package
 * registry, which build machines cannot reach. The definitions are the same FHIR 4.0.1 ones.
 * Does nothing when the package is already there. Usage: {@code CorePackageWriter [cacheDirectory]}.
 */
public final class CorePackageWriter {

  static final String PACKAGE = "hl7.fhir.r4.core#4.0.1";
  private static final List<String> SOURCES =
      List.of(
          "org/hl7/fhir/r4/model/profile/profiles-types.xml",
          "org/hl7/fhir/r4/model/profile/profiles-resources.xml",
          "org/hl7/fhir/r4/model/profile/profiles-others.xml",
          "org/hl7/fhir/r4/model/extension/extension-definitions.xml",
          "org/hl7/fhir/r4/model/valueset/valuesets.xml",
          "org/hl7/fhir/r4/model/valueset/v3-codesystems.xml",
          "org/hl7/fhir/r4/model/valueset/v2-tables.xml");

  private CorePackageWriter() {}

  public static void main(String[] args) throws IOException {
    Path cache = args.length > 0 ? Path.of(args[0]) : home().resolve(".fhir").resolve("packages");
    Path packageDir = cache.resolve(PACKAGE).resolve("package");
    if (Files.exists(packageDir.resolve("package.json")) && Files.exists(packageDir.resolve(".index.json"))) {
      return;
    }
    Files.createDirectories(packageDir);
    FhirContext fhir = FhirContext.forR4();
    IParser xml = fhir.newXmlParser();
    IParser json = fhir.newJsonParser();
    List<Map<String, String>> index = new ArrayList<>();
    for (String source : SOURCES) {
      try (InputStream in = CorePackageWriter.class.getClassLoader().getResourceAsStream(source)) {
        if (in == null) {
          throw new IllegalStateException("Missing " + source + " (hapi-fhir-validation-resources-r4)");
        }
        Bundle bundle = xml.parseResource(Bundle.class, in);
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
          if (entry.getResource() instanceof MetadataResource resource && resource.hasId()) {
            String file = resource.fhirType() + "-" + resource.getIdElement().getIdPart() + ".json";
            Files.writeString(packageDir.resolve(file), json.encodeResourceToString(resource), StandardCharsets.UTF_8);
            index.add(indexEntry(file, resource));
          }
        }
      }
    }
    Files.writeString(packageDir.resolve(".index.json"), indexJson(index), StandardCharsets.UTF_8);
    Files.writeString(
        packageDir.resolve("package.json"),
        """
        {
          "name": "hl7.fhir.r4.core",
          "version": "4.0.1",
          "description": "FHIR R4 core definitions, written from HAPI FHIR's bundled copy for offline builds",
          "fhirVersions": ["4.0.1"],
          "type": "Core",
          "canonical": "http://hl7.org/fhir",
          "url": "http://hl7.org/fhir/R4",
          "dependencies": {}
        }
        """,
        StandardCharsets.UTF_8);
  }

  /**
   * The home directory SUSHI (Node.js) uses: {@code $HOME} when set. Java's {@code user.home} comes
   * from the password database instead and differs when a build runs with another HOME.
   */
  private static Path home() {
    String home = System.getenv("HOME");
    return Path.of(home == null || home.isBlank() ? System.getProperty("user.home") : home);
  }

  private static Map<String, String> indexEntry(String file, MetadataResource resource) {
    Map<String, String> entry = new LinkedHashMap<>();
    entry.put("filename", file);
    entry.put("resourceType", resource.fhirType());
    entry.put("id", resource.getIdElement().getIdPart());
    entry.put("url", resource.getUrl());
    entry.put("version", resource.getVersion());
    if (resource instanceof StructureDefinition definition) {
      entry.put("kind", definition.getKind() == null ? null : definition.getKind().toCode());
      entry.put("type", definition.getType());
      entry.put("derivation", definition.getDerivation() == null ? null : definition.getDerivation().toCode());
    }
    return entry;
  }

  private static String indexJson(List<Map<String, String>> files) {
    StringBuilder out = new StringBuilder("{\"index-version\": 1, \"files\": [\n");
    for (int i = 0; i < files.size(); i++) {
      out.append("  {");
      int j = 0;
      for (Map.Entry<String, String> field : files.get(i).entrySet()) {
        if (field.getValue() == null) {
          continue;
        }
        out.append(j++ == 0 ? "" : ", ").append('"').append(field.getKey()).append("\": \"")
            .append(field.getValue().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
      }
      out.append(i + 1 < files.size() ? "},\n" : "}\n");
    }
    return out.append("]}\n").toString();
  }

}
