package org.aftercarebridge.security;

import com.nimbusds.jwt.JWTParser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.text.ParseException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.oauth2.server.authorization.web.authentication.JwtClientAssertionAuthenticationConverter;

/**
 * SMART Backend Services token requests carry no {@code client_id}: the client is the assertion's
 * {@code sub}. Spring's converter wants the parameter, so it gets it from there (read, not trusted:
 * the provider then checks the signature with that client's registered keys, and iss = sub).
 */
final class SmartClientAssertionConverter implements AuthenticationConverter {

  private static final String ASSERTION = "client_assertion";
  private static final String CLIENT_ID = "client_id";
  private final JwtClientAssertionAuthenticationConverter spring = new JwtClientAssertionAuthenticationConverter();

  @Override
  public Authentication convert(HttpServletRequest request) {
    String assertion = request.getParameter(ASSERTION);
    if (assertion == null || request.getParameter(CLIENT_ID) != null) {
      return spring.convert(request);
    }
    String subject;
    try {
      subject = JWTParser.parse(assertion).getJWTClaimsSet().getSubject();
    } catch (ParseException unreadable) {
      return spring.convert(request);
    }
    if (subject == null) {
      return spring.convert(request);
    }
    return spring.convert(new HttpServletRequestWrapper(request) {
      @Override
      public String getParameter(String name) {
        return CLIENT_ID.equals(name) ? subject : super.getParameter(name);
      }

      @Override
      public String[] getParameterValues(String name) {
        return CLIENT_ID.equals(name) ? new String[] {subject} : super.getParameterValues(name);
      }

      @Override
      public Map<String, String[]> getParameterMap() {
        Map<String, String[]> parameters = new HashMap<>(super.getParameterMap());
        parameters.put(CLIENT_ID, new String[] {subject});
        return parameters;
      }
    });
  }
}
