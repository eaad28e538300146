package org.aftercarebridge.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionDecoderFactory;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * SMART Backend Services client authentication ({@code private_key_jwt}): the client signs a JWT
 * with its private key (RS384 or ES384) and the issuer checks it against the public keys the client
 * registered ({@code aftercare.security.issuer.clients.<id>.jwks}). Besides Spring's checks of
 * {@code iss} = {@code sub} = client id, {@code aud} = our token endpoint, {@code exp} and {@code nbf}:
 * at most five minutes of validity, and each {@code jti} accepted once (no replays).
 */
final class ClientAssertions implements JwtDecoderFactory<RegisteredClient> {

  static final String JWKS_SETTING = "aftercare.jwks";
  private static final Duration LONGEST = Duration.ofMinutes(5);
  private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS384, JWSAlgorithm.ES384);

  /** jti values seen, until their assertion expires. */
  private final Map<String, Instant> seen = new ConcurrentHashMap<>();

  /** One decoder per client: its keys are registered once, at start-up. */
  private final Map<String, JwtDecoder> decoders = new ConcurrentHashMap<>();

  @Override
  public JwtDecoder createDecoder(RegisteredClient client) {
    return decoders.computeIfAbsent(client.getId(), id -> decoderFor(client));
  }

  private JwtDecoder decoderFor(RegisteredClient client) {
    String jwks = client.getClientSettings().getSetting(JWKS_SETTING);
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    try {
      processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, new ImmutableJWKSet<>(JWKSet.parse(jwks))));
    } catch (ParseException | NullPointerException e) {
      throw new IllegalStateException("Client " + client.getClientId() + " has no readable JWKS registered", e);
    }
    processor.setJWTClaimsSetVerifier((claims, context) -> {}); // the validators below check the claims
    NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
    decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
        JwtClientAssertionDecoderFactory.DEFAULT_JWT_VALIDATOR_FACTORY.apply(client), this::shortLivedAndFirstUse));
    return decoder;
  }

  private OAuth2TokenValidatorResult shortLivedAndFirstUse(Jwt assertion) {
    Instant now = Instant.now();
    seen.values().removeIf(expiry -> expiry.isBefore(now));
    if (assertion.getExpiresAt() == null || assertion.getExpiresAt().isAfter(now.plus(LONGEST).plusSeconds(60))) {
      return refused("the client assertion must expire within five minutes");
    }
    if (assertion.getId() == null) {
      return refused("the client assertion has no jti");
    }
    if (seen.putIfAbsent(assertion.getSubject() + " " + assertion.getId(), assertion.getExpiresAt()) != null) {
      return refused("the client assertion's jti was used before");
    }
    return OAuth2TokenValidatorResult.success();
  }

  private static OAuth2TokenValidatorResult refused(String why) {
    return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_client", why, null));
  }
}
