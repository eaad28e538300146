package org.aftercarebridge.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * SMART App Launch discovery, {@code GET [base]/.well-known/smart-configuration} (FHIR base and
 * server root; no token needed): where to get a token and how a backend service authenticates —
 * {@code private_key_jwt} with RS384/ES384 (SMART Backend Services) or a client secret. The endpoints
 * are the built-in issuer's in embedded mode, the external issuer's
 * ({@code aftercare.security.issuer.token-endpoint}, {@code jwks-uri}) in production.
 */
public class SmartConfiguration extends OncePerRequestFilter {

  public static final List<String> PATHS = List.of("/.well-known/smart-configuration", "/fhir/.well-known/smart-configuration");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SecurityProperties properties;

  public SmartConfiguration(SecurityProperties properties) {
    this.properties = properties;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!"GET".equals(request.getMethod())) {
      response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
      return;
    }
    String base = ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
    SecurityProperties.Issuer issuer = properties.issuer();
    Map<String, Object> configuration = new LinkedHashMap<>();
    configuration.put("token_endpoint", issuer.embedded() ? base + "/oauth2/token" : issuer.tokenEndpoint());
    configuration.put("jwks_uri", issuer.embedded() ? base + "/oauth2/jwks" : issuer.jwksUri());
    configuration.put("grant_types_supported", List.of("client_credentials"));
    configuration.put("token_endpoint_auth_methods_supported", List.of("private_key_jwt", "client_secret_basic"));
    configuration.put("token_endpoint_auth_signing_alg_values_supported", List.of("RS384", "ES384"));
    TreeSet<String> scopes = new TreeSet<>();
    issuer.clients().values().forEach(client -> scopes.addAll(client.scopes()));
    configuration.put("scopes_supported", List.copyOf(scopes));
    configuration.put("capabilities", List.of("client-confidential-asymmetric", "client-confidential-symmetric", "permission-v2"));
    response.setContentType("application/json");
    response.setHeader("Cache-Control", "max-age=3600");
    JSON.writeValue(response.getOutputStream(), configuration);
  }
}
