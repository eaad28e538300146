package org.aftercarebridge.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * The production mode's external OAuth2 issuer, as far as the service sees one: its JWKS endpoint
 * (served here) and access tokens signed with its key (made here).
 */
public final class ExternalIssuer implements AutoCloseable {

  public static final String ISSUER = "https://issuer.test.example";
  /** The FHIR base URL, which an access token's aud must name. */
  public static final String AUDIENCE = "https://bridge.test.example/fhir";

  public final RSAKey signingKey;
  private final HttpServer jwks;

  private ExternalIssuer(RSAKey signingKey, HttpServer jwks) {
    this.signingKey = signingKey;
    this.jwks = jwks;
  }

  public static ExternalIssuer start() {
    try {
      RSAKey key = newKey();
      HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
      byte[] keys = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
      server.createContext("/jwks", exchange -> {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, keys.length);
        exchange.getResponseBody().write(keys);
        exchange.close();
      });
      server.start();
      return new ExternalIssuer(key, server);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A signing key of the same kind and key id as the issuer's, but not its. */
  public static RSAKey newKey() {
    try {
      return new RSAKeyGenerator(2048).keyID("prod-test").generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  public String jwksUri() {
    return "http://localhost:" + jwks.getAddress().getPort() + "/jwks";
  }

  /** A five-minute token of this issuer for this service, with these roles and every region. */
  public String token(String... roles) {
    return token(ISSUER, AUDIENCE, List.of(roles), 300, signingKey);
  }

  public static String token(String issuer, String audience, List<String> roles, int validForSeconds, RSAKey key) {
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .audience(audience)
            .subject("statewide-hie")
            .issueTime(Date.from(now.minusSeconds(Math.max(0, -validForSeconds) + 60)))
            .expirationTime(Date.from(now.plusSeconds(validForSeconds)))
            .claim("roles", roles)
            .claim("regions", List.of("*"))
            .claim("scope", "system/MessageHeader.c system/Task.rs system/ServiceRequest.rs")
            .build();
    SignedJWT jwt =
        new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  @Override
  public void close() {
    jwks.stop(0);
  }
}
