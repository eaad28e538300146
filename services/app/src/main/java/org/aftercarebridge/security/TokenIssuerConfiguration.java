package org.aftercarebridge.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * The built-in OAuth2 token issuer of the embedded mode (Spring Authorization Server): client
 * credentials for the development clients in {@code aftercare.security.issuer.clients}, signed JWT
 * access tokens carrying the client's roles. Production turns it off and trusts an external issuer.
 *
 * <p>The signing key is made at start-up, so tokens do not outlive a restart (they live minutes anyway).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "aftercare.security.issuer.embedded", havingValue = "true", matchIfMissing = true)
public class TokenIssuerConfiguration {

  private static final String ROLES_SETTING = "aftercare.roles";
  private static final String REGIONS_SETTING = "aftercare.regions";

  @Bean
  @Order(1)
  SecurityFilterChain tokenIssuerSecurity(HttpSecurity http) throws Exception {
    OAuth2AuthorizationServerConfigurer issuer = OAuth2AuthorizationServerConfigurer.authorizationServer();
    http.securityMatcher(issuer.getEndpointsMatcher())
        .with(issuer, configurer -> configurer.clientAuthentication(clients -> clients
            .authenticationConverters(converters -> converters.add(0, new SmartClientAssertionConverter()))
            .authenticationProviders(providers -> providers.stream()
                .filter(JwtClientAssertionAuthenticationProvider.class::isInstance)
                .forEach(jwt -> ((JwtClientAssertionAuthenticationProvider) jwt).setJwtDecoderFactory(new ClientAssertions())))))
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        // a browser at the authorize endpoint without a session signs in first (the console's users)
        .exceptionHandling(handling -> handling.defaultAuthenticationEntryPointFor(
            new LoginUrlAuthenticationEntryPoint(LoginPage.PATH), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
        .csrf(csrf -> csrf.ignoringRequestMatchers(issuer.getEndpointsMatcher()));
    return http.build();
  }

  /**
   * Signing in to the built-in issuer (the console's users): a form with CSRF protection; the session
   * it starts lives only to carry the user to the authorize endpoint, which hands the console a code.
   */
  @Bean
  @Order(2)
  SecurityFilterChain signInSecurity(HttpSecurity http, SecurityProperties properties) throws Exception {
    http.securityMatcher(LoginPage.PATH, "/logout")
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .formLogin(form -> form.loginPage(LoginPage.PATH))
        .logout(logout -> logout
            // a plain link from the console ends the sign-in session too (at worst a forged link signs someone out)
            .logoutRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/logout"))
            .logoutSuccessUrl("/"))
        .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(ConsoleHeaders.policy(properties))));
    return http.build();
  }

  /** The console's users, with their roles and regions as authorities (the same the API reads from a token). */
  /**
   * Hashes for the in-memory user and client registries. The secrets come from this process's own
   * configuration and their hashes never leave its memory, so bcrypt's default work factor (10) would
   * protect nothing here while costing a second of start-up and ~80 ms of CPU per token request; 4 is
   * bcrypt's minimum. (Production uses an external issuer and none of this.)
   */
  private static final PasswordEncoder IN_MEMORY_HASHES =
      new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(4)));

  @Bean
  UserDetailsService consoleUsers(SecurityProperties properties) {
    PasswordEncoder encoder = IN_MEMORY_HASHES;
    InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
    properties.issuer().users().forEach((name, user) -> {
      List<SimpleGrantedAuthority> authorities = new java.util.ArrayList<>();
      user.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority(AuthorityMapping.ROLE + role)));
      user.regions().forEach(region -> authorities.add(new SimpleGrantedAuthority(AuthorityMapping.REGION + region)));
      users.createUser(User.withUsername(name).password(encoder.encode(user.password())).authorities(authorities).build());
    });
    return users;
  }

  @Bean
  RegisteredClientRepository registeredClients(SecurityProperties properties) {
    PasswordEncoder encoder = IN_MEMORY_HASHES;
    List<RegisteredClient> clients =
        properties.issuer().clients().entrySet().stream()
            .map(
                entry ->
                    authentication(entry.getKey(), entry.getValue(), encoder)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .scopes(scopes -> scopes.addAll(entry.getValue().scopes()))
                        .clientSettings(
                            clientSettings(entry.getValue()))
                        .tokenSettings(
                            TokenSettings.builder().accessTokenTimeToLive(properties.issuer().tokenLifetime()).build())
                        .build())
            .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
    if (clients.isEmpty()) {
      throw new IllegalStateException("The embedded token issuer is on but aftercare.security.issuer.clients is empty");
    }
    clients.add(console(properties));
    return new InMemoryRegisteredClientRepository(clients);
  }

  /** The web console: a public client (nothing secret in a browser) with the authorization code flow and PKCE. */
  private static RegisteredClient console(SecurityProperties properties) {
    SecurityProperties.Console console = properties.console();
    return RegisteredClient.withId(console.clientId())
        .clientId(console.clientId())
        .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .redirectUris(uris -> uris.addAll(console.redirectUris()))
        .scopes(scopes -> scopes.addAll(console.scopes()))
        .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
        .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.issuer().tokenLifetime()).build())
        .build();
  }

  /**
   * A client with a secret authenticates with it (HTTP Basic or form); one that registered a JWKS with
   * a signed client assertion (SMART Backend Services); one may have both.
   */
  private static RegisteredClient.Builder authentication(String clientId, SecurityProperties.Client settings, PasswordEncoder encoder) {
    if (settings.secret() == null && settings.jwks() == null) {
      throw new IllegalStateException("Client " + clientId + " has neither a secret nor a JWKS");
    }
    RegisteredClient.Builder client = RegisteredClient.withId(clientId).clientId(clientId);
    if (settings.secret() != null) {
      client.clientSecret(encoder.encode(settings.secret()))
          .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
          .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST);
    }
    if (settings.jwks() != null) {
      client.clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT);
    }
    return client;
  }

  private static ClientSettings clientSettings(SecurityProperties.Client client) {
    ClientSettings.Builder settings = ClientSettings.builder()
        .setting(ROLES_SETTING, client.roles())
        .setting(REGIONS_SETTING, client.regions());
    if (client.jwks() != null) {
      settings.setting(ClientAssertions.JWKS_SETTING, client.jwks());
    }
    return settings.build();
  }

  /**
   * Puts our audience (the FHIR base URL) and the roles and regions into access tokens: the registered
   * client's, or, when a person signed in (the console), the person's.
   */
  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> rolesInAccessTokens(SecurityProperties properties) {
    return context -> {
      if (AuthorizationGrantType.AUTHORIZATION_CODE.equals(context.getAuthorizationGrantType())) {
        List<String> authorities = context.getPrincipal().getAuthorities().stream().map(a -> a.getAuthority()).toList();
        context.getClaims().claim(properties.rolesClaim(), stripped(authorities, AuthorityMapping.ROLE));
        context.getClaims().claim(properties.regionsClaim(), stripped(authorities, AuthorityMapping.REGION));
        context.getClaims().audience(List.of(properties.audience()));
        return;
      }
      List<String> roles = context.getRegisteredClient().getClientSettings().getSetting(ROLES_SETTING);
      if (roles != null) {
        context.getClaims().claim(properties.rolesClaim(), roles);
      }
      context.getClaims().audience(List.of(properties.audience()));
      if (context.getAuthorizedScopes().isEmpty()) {
        // no scope asked for: the client's registered scopes (RFC 6749 3.3, a pre-defined default)
        context.getClaims().claim("scope", context.getRegisteredClient().getScopes());
      }
      List<String> regions = context.getRegisteredClient().getClientSettings().getSetting(REGIONS_SETTING);
      if (regions != null && !regions.isEmpty()) {
        context.getClaims().claim(properties.regionsClaim(), regions);
      }
    };
  }

  private static List<String> stripped(List<String> authorities, String prefix) {
    return authorities.stream().filter(a -> a.startsWith(prefix)).map(a -> a.substring(prefix.length())).toList();
  }

  @Bean
  JWKSource<SecurityContext> jwkSource() throws NoSuchAlgorithmException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    RSAKey key =
        new RSAKey.Builder((RSAPublicKey) pair.getPublic())
            .privateKey((RSAPrivateKey) pair.getPrivate())
            .keyID(UUID.randomUUID().toString())
            .build();
    return new ImmutableJWKSet<>(new JWKSet(key));
  }

  /** Our own tokens are checked against our own key, in process. */
  @Bean
  JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource, SecurityProperties properties) {
    NimbusJwtDecoder decoder = (NimbusJwtDecoder) OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
    decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(new JwtClaimValidator<List<String>>(
        JwtClaimNames.AUD, audience -> audience != null && audience.contains(properties.audience()))));
    return decoder;
  }

  @Bean
  AuthorizationServerSettings authorizationServerSettings() {
    return AuthorizationServerSettings.builder().build();
  }
}
