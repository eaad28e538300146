package org.aftercarebridge.integration.support;

/** Endpoint URIs and route ids of the integration story, in one place so tests can target them. */
public final class Endpoints {

  /** A {@code ReceivedMessage} posted to {@code $process-message}; replies with an OperationOutcome. */
  public static final String PROCESS_MESSAGE = "direct:process-message";

  /** A validated discharge notification that should become a referral. */
  public static final String REFER_DISCHARGE = "direct:refer-discharge";

  /** An announcement from the outbox, to be put on the referrals queue. */
  public static final String PUBLISH_REFERRAL = "direct:publish-referral";

  /** A {@code ReferralTasks.Change}; replies with the Task as stored, or throws {@code TaskUpdateRefused}. */
  public static final String UPDATE_TASK = "direct:update-task";

  /** A {@code ConsentRoute.Submission}; replies with the Consent as stored, or throws {@code ConsentRefused}. */
  public static final String RECEIVE_CONSENT = "direct:receive-consent";

  public static final String INTAKE_FHIR_MESSAGE_ROUTE = "intake-fhir-message";
  public static final String INTAKE_HL7V2_ROUTE = "intake-hl7v2";
  public static final String REFERRAL_FROM_DISCHARGE_ROUTE = "referral-from-discharge";
  public static final String REFERRAL_PUBLISH_ROUTE = "referral-publish";
  public static final String REFERRAL_OUTBOX_SWEEP_ROUTE = "referral-outbox-sweep";
  public static final String TASK_UPDATE_ROUTE = "task-update";
  public static final String CONSENT_ROUTE = "consent";
  public static final String FOLLOW_UP_ROUTE = "followups";
  public static final String FOLLOW_UP_METERS_ROUTE = "followup-meters";
  public static final String CLINIC_UPDATE_ROUTE = "clinic-updates";
  public static final String REFERRAL_EXPIRY_ROUTE = "referral-expiry";
  public static final String TASK_UPDATES_QUEUE_ROUTE = "task-updates-queue";

  private Endpoints() {}
}
