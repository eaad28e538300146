package org.aftercarebridge.security;

import java.net.URI;

/**
 * The Content-Security-Policy of the console and its sign-in page: our own scripts, styles and API
 * only, never framed; the token endpoint's origin too when an external issuer signs users in.
 */
final class ConsoleHeaders {

  private ConsoleHeaders() {}

  static String policy(SecurityProperties properties) {
    URI tokenEndpoint = URI.create(properties.console().tokenEndpoint());
    String issuer = tokenEndpoint.isAbsolute() ? " " + tokenEndpoint.getScheme() + "://" + tokenEndpoint.getRawAuthority() : "";
    return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'" + issuer + ";"
        + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
  }
}
