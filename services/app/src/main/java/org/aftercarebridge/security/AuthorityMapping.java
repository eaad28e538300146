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
 * {@code ROLE_<role>}, each scope {@code SCOPE_<scope>}, each entry of the regions claim (the
 * referral regions a coordinator works, {@code *} for all) {@code REGION_<region>}. Same for our
 * issuer and an external one.
 */
public final class AuthorityMapping {

  static final String ROLE = "ROLE_";
  static final String REGION = "REGION_";

  private AuthorityMapping() {}

  public static JwtAuthenticationConverter converter(String rolesClaim, String regionsClaim) {
    JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(
        jwt -> {
          Collection<GrantedAuthority> authorities = new ArrayList<>(scopes.convert(jwt));
          list(jwt, rolesClaim).forEach(role -> authorities.add(new SimpleGrantedAuthority(ROLE + role)));
          list(jwt, regionsClaim).forEach(region -> authorities.add(new SimpleGrantedAuthority(REGION + region)));
          return authorities;
        });
    return converter;
  }

  private static List<String> list(Jwt jwt, String claim) {
    List<String> values = jwt.getClaimAsStringList(claim);
    return values == null ? List.of() : values;
  }
}
