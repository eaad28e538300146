package org.aftercarebridge.integration.intake.v2;

/** An ADT message we cannot turn into a referral, and the field at fault: answered AE with an ERR segment. */
public final class AdtRefusal extends RuntimeException {

  private final String field;

  public AdtRefusal(String field, String message) {
    super(message, null, false, false);
    this.field = field;
  }

  /** Segment and field, e.g. {@code PV1-45}. */
  public String field() {
    return field;
  }
}
