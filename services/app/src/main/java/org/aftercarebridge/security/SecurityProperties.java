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
    @DefaultValue Rates rateLimits,
    @DefaultValue Console console) {

  /**
   * The web console at {@code /}: a browser app that signs its user in with the authorization code flow
   * and PKCE (a public client), then calls the API with the access token like any other client.
   *
   * @param clientId its client id at the issuer
   * @param authorizeEndpoint where it sends the browser to sign in (the embedded issuer's, or the external one's)
   * @param tokenEndpoint where it exchanges the code for a token
   * @param redirectUris the console's own address, registered at the embedded issuer (a loopback IP may use any port)
   * @param scopes the SMART scopes it asks for
   */
  public record Console(
      @DefaultValue("web-console") String clientId,
      @DefaultValue("/oauth2/authorize") String authorizeEndpoint,
      @DefaultValue("/oauth2/token") String tokenEndpoint,
      @DefaultValue("http://127.0.0.1:8080/") List<String> redirectUris,
      @DefaultValue({"user/Task.rus", "user/ServiceRequest.rs", "user/Observation.rs", "user/HealthcareService.rs"}) List<String> scopes) {}

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
   * @param users people who sign in to the web console, by user name
   * @param tokenEndpoint the external issuer's token endpoint, published in SMART discovery (production)
   * @param jwksUri the external issuer's JWK Set, published in SMART discovery (production)
   */
  public record Issuer(
      @DefaultValue("true") boolean embedded,
      @DefaultValue("5m") Duration tokenLifetime,
      Map<String, Client> clients,
      Map<String, User> users,
      String tokenEndpoint,
      String jwksUri) {

    public Issuer {
      clients = clients == null ? Map.of() : Map.copyOf(clients);
      users = users == null ? Map.of() : Map.copyOf(users);
    }
  }

  /** A person signing in to the console at the built-in issuer: password, roles and regions (coordinators). */
  public record User(String password, List<String> roles, List<String> regions) {

    public User {
      roles = roles == null ? List.of() : List.copyOf(roles);
      regions = regions == null ? List.of() : List.copyOf(regions);
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
