package org.aftercarebridge.integration.referral;

import java.util.List;
import org.aftercarebridge.integration.intake.DischargeNotification;

/**
 * A discharge and the peer groups matched to it, best first (possibly none).
 *
 * @param summary how the matches were found, or why none fit, for the coordinator
 * @param requirementsMet false when no group satisfied the person's hard requirements (the matches are offered instead)
 * @param preferences what the person said they want, in a line (null: nothing said)
 */
public record MatchedDischarge(
    DischargeNotification discharge, List<MatchedGroup> matches, String summary, boolean requirementsMet, String preferences) {

  public MatchedDischarge {
    matches = List.copyOf(matches);
  }

  /** A match without a word about the person's preferences. */
  public MatchedDischarge(DischargeNotification discharge, List<MatchedGroup> matches, String summary, boolean requirementsMet) {
    this(discharge, matches, summary, requirementsMet, null);
  }
}
