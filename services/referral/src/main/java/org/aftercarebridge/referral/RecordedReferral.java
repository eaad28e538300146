package org.aftercarebridge.referral;

/**
 * What recording a referral did.
 *
 * @param taskId the referral's Task (the existing one when the message was a duplicate)
 * @param created false when the source message had already produced a referral
 */
public record RecordedReferral(String taskId, boolean created) {}
