package org.aftercarebridge.directory.feeds;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test feeds (copied from the shared samples, see feeds/README.md) and the real type mapping. */
final class Feeds {

  static final MeetingTypes TYPES = MeetingTypes.fromCodeSystem(resource("/fhir/ig/CodeSystem-meeting-characteristics.json"));

  private Feeds() {}

  static String resource(String path) {
    try (InputStream in = Feeds.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
