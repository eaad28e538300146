package org.aftercarebridge.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The realistic HL7 v2 messages the mapper's unit tests use (integration-routes' test resources). */
public final class Hl7v2Messages {

  private Hl7v2Messages() {}

  public static String read(String name) {
    try {
      return Files.readString(Path.of("../../integration-routes/src/test/resources/hl7v2", name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The message with a control id of its own (MSH-10), so that it is not a copy of an earlier one. */
  public static String withControlId(String name, String controlId) {
    String message = read(name).replaceFirst("\\|(V\\d+|A01)-0001\\|", "|" + controlId + "|");
    if (!message.contains("|" + controlId + "|")) {
      throw new IllegalStateException(name + " has no MSH-10 of the form V<version>-0001");
    }
    return message;
  }
}
