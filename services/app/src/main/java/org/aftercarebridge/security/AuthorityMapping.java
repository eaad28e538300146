package org.aftercarebridge.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * The one place where an access token becomes authorities: each entry of the roles claim becomes
 * {@code ROLE_<role>}, each scope {@code SCOPE_<scope>}. Same for our issuer and an external one.
 */
public final class AuthorityMapping {

  private AuthorityMapping() {}

  public static JwtAuthenticationConverter converter(String rolesClaim) {
    JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(
        jwt -> {
          Collection<GrantedAuthority> authorities = new ArrayList<>(scopes.convert(jwt));
          roles(jwt, rolesClaim).forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
          return authorities;
        });
    return converter;
  }

  private static List<String> roles(Jwt jwt, String rolesClaim) {
    List<String> roles = jwt.getClaimAsStringList(rolesClaim);
    return roles == null ? List.of() : roles;
  }
}
