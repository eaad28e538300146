package org.aftercarebridge.security;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.aftercarebridge.integration.support.FhirOutcomes;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * 401 and 403 as FHIR clients expect them: the standard bearer-token {@code WWW-Authenticate}
 * challenge, and an OperationOutcome body saying what is wrong.
 */
@Component
public class FhirSecurityErrors implements AuthenticationEntryPoint, AccessDeniedHandler {

  private final FhirContext fhirContext;
  private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
  private final BearerTokenAccessDeniedHandler denied = new BearerTokenAccessDeniedHandler();

  public FhirSecurityErrors(FhirContext fhirContext) {
    this.fhirContext = fhirContext;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException {
    challenge.commence(request, response, failure);
    write(response, IssueType.LOGIN, "A valid bearer token is required (" + failure.getMessage() + ")");
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException failure)
      throws IOException {
    denied.handle(request, response, failure);
    write(response, IssueType.FORBIDDEN, "The caller's role does not allow " + request.getMethod() + " on this endpoint");
  }

  /** An OperationOutcome with one error issue as the response body (the status is the caller's). */
  void write(HttpServletResponse response, IssueType type, String text) throws IOException {
    response.setContentType("application/fhir+json;charset=UTF-8");
    response.getWriter().write(fhirContext.newJsonParser().encodeResourceToString(FhirOutcomes.error(type, text)));
  }
}
