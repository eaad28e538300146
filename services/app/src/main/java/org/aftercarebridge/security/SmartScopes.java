package org.aftercarebridge.security;

import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What SMART scopes permit (App Launch 2.0, with 1.0's {@code read}/{@code write}/{@code *}):
 * {@code system/Task.rs} lets a backend service read and search Tasks, {@code user/*.cruds}
 * everything. Scopes with a query ({@code ?category=…}) narrow what they grant in ways not
 * evaluated here, so they grant nothing (refusing is the safe side).
 */
public final class SmartScopes {

  private static final Pattern SCOPE = Pattern.compile("(patient|user|system)/(\\*|[A-Z][A-Za-z]+)\\.([a-z*]+)");

  private SmartScopes() {}

  /**
   * @param permission one of {@code c r u d s}
   */
  public static boolean permit(Collection<String> scopes, String resourceType, char permission) {
    return scopes.stream().anyMatch(scope -> permits(scope, resourceType, permission));
  }

  static boolean permits(String scope, String resourceType, char permission) {
    Matcher matcher = SCOPE.matcher(scope);
    if (!matcher.matches()) {
      return false;
    }
    String type = matcher.group(2);
    if (!type.equals("*") && !type.equals(resourceType)) {
      return false;
    }
    String granted = switch (matcher.group(3)) {
      case "read" -> "rs";
      case "write" -> "cud";
      case "*" -> "cruds";
      default -> matcher.group(3).matches("c?r?u?d?s?") ? matcher.group(3) : "";
    };
    return granted.indexOf(permission) >= 0;
  }
}
