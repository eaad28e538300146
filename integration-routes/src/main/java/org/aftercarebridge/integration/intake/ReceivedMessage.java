package org.aftercarebridge.integration.intake;

import java.util.Objects;
import org.hl7.fhir.r4.model.Bundle;

/**
 * A message as it reached us: the parsed Bundle, the text it was parsed from (validated as sent) and
 * the authenticated client that sent it.
 */
public record ReceivedMessage(Bundle bundle, String text, String client) {

  public ReceivedMessage {
    Objects.requireNonNull(bundle, "bundle");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(client, "client");
  }
}
