package org.aftercarebridge.referral;

/**
 * A referral held for want of a 42 CFR Part 2 consent: its ids, the Task that asks the treatment
 * centre to obtain one, and the message to resume from.
 */
public record HeldReferral(
    String referralId, SourceMessage source, String patientId, String serviceRequestId, String obtainConsentTaskId, String messageJson) {}
