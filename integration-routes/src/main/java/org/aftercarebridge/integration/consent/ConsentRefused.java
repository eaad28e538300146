package org.aftercarebridge.integration.consent;

/** A consent we cannot take: about nobody we have a referral for, or not there to update. */
public final class ConsentRefused extends RuntimeException {

  private final boolean notFound;
  private final String location;

  public ConsentRefused(boolean notFound, String location, String message) {
    super(message, null, false, false);
    this.notFound = notFound;
    this.location = location;
  }

  public boolean notFound() {
    return notFound;
  }

  public String location() {
    return location;
  }
}
