package org.aftercarebridge.integration.referral;

import java.time.Duration;

/**
 * Settings of referral creation and re-routing.
 *
 * @param fhirBaseUrl our FHIR base, for the fullUrls of the announced Bundle
 * @param unassignedRegion region of referrals no group matched: a coordinator must choose one
 * @param maxGroupTries how many groups are asked, one after another as each declines, before a coordinator chooses
 * @param chooseGroupWithin how soon a coordinator's choose-group Task is due
 * @param obtainConsentWithin how soon the treatment centre's obtain-consent Task is due
 */
public record ReferralSettings(
    String fhirBaseUrl, String unassignedRegion, int maxGroupTries, Duration chooseGroupWithin, Duration obtainConsentWithin) {}
