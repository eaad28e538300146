package org.aftercarebridge.integration.referral;

import java.util.List;
import org.aftercarebridge.integration.intake.DischargeNotification;

/** A discharge and the peer groups matched to it, best first (possibly none). */
public record MatchedDischarge(DischargeNotification discharge, List<MatchedGroup> matches) {

  public MatchedDischarge {
    matches = List.copyOf(matches);
  }
}
