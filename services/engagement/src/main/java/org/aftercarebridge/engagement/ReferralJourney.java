package org.aftercarebridge.engagement;

import java.time.Instant;

/**
 * What happened to one referral, as far as engagement is concerned: when it started and when each
 * milestone was first reached (null: not yet). Carries nothing that names the person.
 *
 * @param program the recovery-programs code of the group it went to; null when no group was matched
 * @param referrer the referring organisation (the authenticated client, or the v2 sending application|facility)
 * @param dayZero discharge, or when the referral was made when the discharge time is unknown: every "within" counts from it
 * @param consented it got past the 42 CFR Part 2 consent check (it has a fulfilment Task)
 * @param acceptedAt a group or coordinator first accepted it
 * @param firstContactAt the first sign someone reached the person: the first-contact follow-up completed, a meeting
 *     scheduled or attended, or the referral in progress
 * @param firstMeetingAt the first attended meeting (BSeR 5.1.4 "Event Completed", or the first-meeting follow-up completed)
 * @param droppedOutAt the referral Task failed or was cancelled after it had been accepted
 */
public record ReferralJourney(
    String program,
    String region,
    String referrer,
    Instant dayZero,
    Instant madeAt,
    boolean consented,
    Instant acceptedAt,
    Instant firstContactAt,
    Instant firstMeetingAt,
    Instant droppedOutAt) {}
