package org.aftercarebridge.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.List;
import java.util.Set;
import org.aftercarebridge.integration.support.FhirOutcomes;
import org.aftercarebridge.security.SmartScopes;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The token's SMART scopes must permit each FHIR interaction, on top of the caller's role (which
 * the security configuration checks first): {@code GET /fhir/Task} needs {@code …/Task.s},
 * {@code PUT /fhir/Task/{id}} {@code …/Task.u}, {@code $process-message} {@code …/MessageHeader.c}.
 * The CapabilityStatement, our guide's conformance resources and {@code $validate} need none.
 */
@Interceptor
public class ScopeInterceptor {

  private static final Set<String> CONFORMANCE = Set.of("StructureDefinition", "ValueSet", "CodeSystem", "Questionnaire");

  @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
  public void requireScope(RequestDetails request, RestOperationTypeEnum operation) {
    Needed needed = needed(request, operation);
    if (needed == null) {
      return;
    }
    List<String> scopes = SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
        .map(GrantedAuthority::getAuthority).filter(a -> a.startsWith("SCOPE_")).map(a -> a.substring("SCOPE_".length())).toList();
    if (!SmartScopes.permit(scopes, needed.resourceType(), needed.permission())) {
      throw FhirOutcomes.forbidden(
          "The token's scopes do not permit this: it needs e.g. system/" + needed.resourceType() + "." + needed.permission());
    }
  }

  private record Needed(String resourceType, char permission) {}

  private static Needed needed(RequestDetails request, RestOperationTypeEnum operation) {
    String type = request.getResourceName();
    if (type != null && CONFORMANCE.contains(type)) {
      return null;
    }
    return switch (operation) {
      case READ, VREAD -> new Needed(type, 'r');
      case SEARCH_TYPE -> new Needed(type, 's');
      case CREATE -> new Needed(type, 'c');
      case UPDATE, PATCH -> new Needed(type, 'u');
      case DELETE -> new Needed(type, 'd');
      case EXTENDED_OPERATION_SERVER, EXTENDED_OPERATION_TYPE, EXTENDED_OPERATION_INSTANCE -> switch (request.getOperation()) {
        case "$process-message" -> new Needed("MessageHeader", 'c');
        case "$match-peer-groups" -> new Needed("HealthcareService", 's');
        default -> null; // $validate: checks what the caller sends, reads nothing
      };
      default -> null; // metadata, paging through a search already checked
    };
  }
}
