package org.aftercarebridge.security;

import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import java.util.List;
import org.aftercarebridge.integration.support.FhirOutcomes;
import org.aftercarebridge.referral.ReferralVisibility;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Which referrals the caller may see, from the authorities {@link AuthorityMapping} made of its
 * token: admins every one, coordinators those of their regions ({@code REGION_<code>}, {@code *} for
 * all; none without the claim), clinical systems those their own messages started. Coordinator
 * wins over clinical system when a token has both roles; anyone else sees none.
 */
@Component
public class ReferralAccess {

  public ReferralVisibility visibility() {
    return visibility(SecurityContextHolder.getContext().getAuthentication());
  }

  static ReferralVisibility visibility(Authentication caller) {
    List<String> authorities = caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    if (authorities.contains(AuthorityMapping.ROLE + Roles.ADMIN)) {
      return ReferralVisibility.everything();
    }
    if (authorities.contains(AuthorityMapping.ROLE + Roles.COORDINATOR)) {
      return ReferralVisibility.ofRegions(authorities.stream()
          .filter(a -> a.startsWith(AuthorityMapping.REGION)).map(a -> a.substring(AuthorityMapping.REGION.length())).toList());
    }
    if (authorities.contains(AuthorityMapping.ROLE + Roles.CLINICAL_SYSTEM)) {
      return ReferralVisibility.sentBy(caller.getName());
    }
    return ReferralVisibility.nothing();
  }

  /** 403 with an OperationOutcome: the resource is of a referral outside what the caller may see. */
  public ForbiddenOperationException refused(String reference) {
    return FhirOutcomes.forbidden(
        reference + " belongs to a referral outside the regions (coordinators) or messages (clinical systems) of the caller");
  }
}
