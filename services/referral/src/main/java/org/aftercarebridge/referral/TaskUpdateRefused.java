package org.aftercarebridge.referral;

/** A Task update that was not made, and why: each reason has its HTTP status in the FHIR API. */
public final class TaskUpdateRefused extends RuntimeException {

  /** Why: not there, read too long ago, not possible from the Task's state, not the user's to make, or not valid. */
  public enum Reason {
    NOT_FOUND,
    STALE_VERSION,
    CONFLICT,
    NOT_PERMITTED,
    INVALID
  }

  private final Reason reason;
  private final String location;

  public TaskUpdateRefused(Reason reason, String location, String message) {
    super(message, null, false, false);
    this.reason = reason;
    this.location = location;
  }

  public Reason reason() {
    return reason;
  }

  /** The FHIRPath of the element at fault, e.g. {@code Task.status}. */
  public String location() {
    return location;
  }
}
