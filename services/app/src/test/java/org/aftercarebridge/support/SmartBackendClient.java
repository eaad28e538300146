package org.aftercarebridge.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * A clinical system authenticating as SMART Backend Services do: it registered the public half of
 * its key (a JWK Set) and signs a short-lived client assertion (RS384) for each token request.
 */
public final class SmartBackendClient {

  public static final String CLIENT_ID = "backend-ehr";
  public static final SmartBackendClient REGISTERED = new SmartBackendClient();

  private final RSAKey key;

  public SmartBackendClient() {
    try {
      key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The JWK Set the client registers: public keys only. */
  public String publicJwks() {
    return new JWKSet(key.toPublicJWK()).toString();
  }

  public String assertion(String tokenEndpoint) {
    return assertion(tokenEndpoint, Instant.now().plus(Duration.ofMinutes(4)));
  }

  public String assertion(String audience, Instant expires) {
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issuer(CLIENT_ID)
        .subject(CLIENT_ID)
        .audience(audience)
        .expirationTime(Date.from(expires))
        .jwtID(UUID.randomUUID().toString())
        .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS384).keyID(key.getKeyID()).build(), claims);
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }
}
