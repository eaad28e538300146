package org.aftercarebridge.directory.feeds;

/** The feed as a whole cannot be read (not JSON, not an array, too large …): nothing is imported. */
public class InvalidFeedException extends RuntimeException {

  public InvalidFeedException(String message) {
    super(message);
  }

  public InvalidFeedException(String message, Throwable cause) {
    super(message, cause);
  }
}
