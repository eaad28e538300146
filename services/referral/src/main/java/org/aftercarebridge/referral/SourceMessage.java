package org.aftercarebridge.referral;

import java.util.Objects;

/**
 * The clinical message a referral came from. A sender never gets two referrals for one message:
 * the same {@code Bundle.id} or {@code MessageHeader.id} from the same sender is the same message.
 *
 * @param sender the authenticated client plus the sending system's endpoint
 */
public record SourceMessage(String sender, String bundleId, String messageHeaderId) {

  public SourceMessage {
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(bundleId, "bundleId");
    Objects.requireNonNull(messageHeaderId, "messageHeaderId");
  }

  /** The authenticated client that sent it (the sender is {@code client} or {@code client|sending endpoint}). */
  public String client() {
    return clientOf(sender);
  }

  static String clientOf(String sender) {
    int bar = sender.indexOf('|');
    return bar < 0 ? sender : sender.substring(0, bar);
  }
}
