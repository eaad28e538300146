package org.aftercarebridge.integration.referral;

/**
 * Settings of referral creation.
 *
 * @param fhirBaseUrl our FHIR base, for the fullUrls of the announced Bundle
 * @param unassignedRegion region of referrals no group matched: a coordinator must choose one
 */
public record ReferralSettings(String fhirBaseUrl, String unassignedRegion) {}
