package org.aftercarebridge.console;

import java.util.List;
import org.aftercarebridge.security.SecurityProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the web console needs to know before anyone signs in: where to sign in (the built-in issuer, or
 * the external one in production), as which client, with which scopes. Nothing secret: it is a public client.
 */
@RestController
public class ConsoleController {

  private final SecurityProperties security;

  public ConsoleController(SecurityProperties security) {
    this.security = security;
  }

  public record Settings(String clientId, String authorizeEndpoint, String tokenEndpoint, List<String> scopes, String rolesClaim) {}

  @GetMapping(path = "/console/config.json", produces = "application/json")
  public Settings settings() {
    SecurityProperties.Console console = security.console();
    return new Settings(console.clientId(), console.authorizeEndpoint(), console.tokenEndpoint(), console.scopes(), security.rolesClaim());
  }
}
