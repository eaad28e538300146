package org.aftercarebridge.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code aftercare.security.*}
 *
 * @param rolesClaim the access-token claim that lists the caller's roles (ours and the external issuer's)
 * @param regionsClaim the access-token claim that lists a coordinator's referral regions ({@code *}: all)
 * @param audience what an access token's {@code aud} must name: this service (its FHIR base URL)
 * @param developmentSecretPrefix values starting with this are development secrets, refused in production
 */
@ConfigurationProperties("aftercare.security")
public record SecurityProperties(
    @DefaultValue("roles") String rolesClaim,
    @DefaultValue("regions") String regionsClaim,
    String audience,
    @DefaultValue("dev-only-") String developmentSecretPrefix,
    @DefaultValue Issuer issuer,
    @DefaultValue Rates rateLimits) {

  /**
   * Requests a minute, per instance.
   *
   * @param tokenPerMinute token requests per remote address
   * @param intakePerMinute {@code $process-message} posts per authenticated client
   */
  public record Rates(@DefaultValue("120") int tokenPerMinute, @DefaultValue("1200") int intakePerMinute) {}

  /**
   * The built-in token issuer of the embedded mode.
   *
   * @param embedded whether the service issues its own tokens (false in production)
   * @param clients registered clients by client id
   * @param tokenEndpoint the external issuer's token endpoint, published in SMART discovery (production)
   * @param jwksUri the external issuer's JWK Set, published in SMART discovery (production)
   */
  public record Issuer(
      @DefaultValue("true") boolean embedded,
      @DefaultValue("5m") Duration tokenLifetime,
      Map<String, Client> clients,
      String tokenEndpoint,
      String jwksUri) {

    public Issuer {
      clients = clients == null ? Map.of() : Map.copyOf(clients);
    }
  }

  /**
   * A client of the built-in issuer: its secret and/or its public keys ({@code jwks}, a JWK Set as
   * JSON: SMART Backend Services client assertions), roles, regions (coordinators) and the scopes
   * it may ask for.
   */
  public record Client(String secret, String jwks, List<String> roles, List<String> regions, List<String> scopes) {

    public Client {
      roles = roles == null ? List.of() : List.copyOf(roles);
      regions = regions == null ? List.of() : List.copyOf(regions);
      scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }
  }
}
