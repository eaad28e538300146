package org.aftercarebridge.security;

/** The Content-Security-Policy of the console and its sign-in page: our own scripts, styles and API only; never framed. */
final class ConsoleHeaders {

  static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self';"
      + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

  private ConsoleHeaders() {}
}
