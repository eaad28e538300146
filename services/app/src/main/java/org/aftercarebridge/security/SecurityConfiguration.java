package org.aftercarebridge.security;

import static org.aftercarebridge.security.Roles.ADMIN;
import static org.aftercarebridge.security.Roles.CLINICAL_SYSTEM;
import static org.aftercarebridge.security.Roles.COORDINATOR;
import static org.aftercarebridge.security.Roles.METRICS;
import static org.aftercarebridge.security.Roles.STAFF;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what. Everything needs a bearer token except health probes and the token endpoint
 * (which has its own chain in {@link TokenIssuerConfiguration}); what is not listed is refused.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

  /** Token requests per remote address, before the issuer's own filters see them. */
  @Bean
  FilterRegistrationBean<RateLimits> tokenRateLimit(SecurityProperties properties) {
    FilterRegistrationBean<RateLimits> registration = new FilterRegistrationBean<>(new RateLimits(
        properties.rateLimits().tokenPerMinute(), HttpServletRequest::getRemoteAddr,
        (response, retryAfter) -> {
          response.setContentType("application/json");
          response.getWriter().write("{\"error\":\"temporarily_unavailable\",\"error_description\":\"too many token requests from this address;"
              + " retry after " + retryAfter + " s\"}");
        }));
    registration.addUrlPatterns("/oauth2/token");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /** Intake requests per authenticated client, after authentication. */
  @Bean
  FilterRegistrationBean<RateLimits> intakeRateLimit(SecurityProperties properties, FhirSecurityErrors errors) {
    FilterRegistrationBean<RateLimits> registration = new FilterRegistrationBean<>(new RateLimits(
        properties.rateLimits().intakePerMinute(),
        request -> request.getUserPrincipal() == null ? null : request.getUserPrincipal().getName(),
        (response, retryAfter) -> errors.write(response, org.hl7.fhir.r4.model.OperationOutcome.IssueType.THROTTLED,
            "Too many messages from this client; retry after " + retryAfter + " s")));
    registration.addUrlPatterns("/fhir/$process-message");
    return registration;
  }

  /** SMART discovery, answered before the FHIR servlet sees the path. */
  @Bean
  FilterRegistrationBean<SmartConfiguration> smartConfiguration(SecurityProperties properties) {
    FilterRegistrationBean<SmartConfiguration> registration = new FilterRegistrationBean<>(new SmartConfiguration(properties));
    registration.setUrlPatterns(SmartConfiguration.PATHS);
    return registration;
  }

  /**
   * The web console's own files: anyone may load them (they hold nothing; the data comes from the API
   * with the signed-in user's token). No cookies, so nothing for a cross-site request to ride on.
   */
  @Bean
  @Order(3)
  SecurityFilterChain consoleSecurity(HttpSecurity http, SecurityProperties properties) throws Exception {
    http.securityMatcher("/", "/index.html", "/console/**", "/favicon.ico")
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(ConsoleHeaders.policy(properties))))
        .csrf(csrf -> csrf.disable());
    return http.build();
  }

  @Bean
  @Order(4)
  SecurityFilterChain apiSecurity(HttpSecurity http, SecurityProperties properties, FhirSecurityErrors errors)
      throws Exception {
    http.authorizeHttpRequests(
            requests ->
                requests
                    .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                    .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                    .requestMatchers(HttpMethod.GET, SmartConfiguration.PATHS.toArray(String[]::new)).permitAll()
                    .requestMatchers(HttpMethod.POST, "/fhir/$process-message").hasRole(CLINICAL_SYSTEM)
                    .requestMatchers(HttpMethod.POST, "/fhir/Bundle/$validate", "/fhir/QuestionnaireResponse/$validate",
                        "/fhir/Consent/$validate")
                        .hasAnyRole(CLINICAL_SYSTEM, ADMIN)
                    .requestMatchers(HttpMethod.GET, "/fhir/metadata").authenticated()
                    .requestMatchers(HttpMethod.GET, "/fhir/StructureDefinition", "/fhir/StructureDefinition/*",
                        "/fhir/ValueSet", "/fhir/ValueSet/*", "/fhir/CodeSystem", "/fhir/CodeSystem/*",
                        "/fhir/Questionnaire", "/fhir/Questionnaire/*")
                        .authenticated()
                    .requestMatchers(HttpMethod.GET, "/fhir/Task", "/fhir/Task/*", "/fhir/ServiceRequest", "/fhir/ServiceRequest/*")
                        .hasAnyRole(COORDINATOR, CLINICAL_SYSTEM, ADMIN)
                    .requestMatchers(HttpMethod.PUT, "/fhir/Task/*").hasAnyRole(COORDINATOR, CLINICAL_SYSTEM, ADMIN)
                    .requestMatchers(HttpMethod.GET, "/fhir/Consent/*").hasAnyRole(COORDINATOR, CLINICAL_SYSTEM, ADMIN)
                    .requestMatchers(HttpMethod.GET, "/fhir/AuditEvent", "/fhir/AuditEvent/*").hasRole(ADMIN)
                    .requestMatchers(HttpMethod.POST, "/fhir/Consent").hasAnyRole(CLINICAL_SYSTEM, ADMIN)
                    .requestMatchers(HttpMethod.PUT, "/fhir/Consent/*").hasAnyRole(CLINICAL_SYSTEM, ADMIN)
                    .requestMatchers(HttpMethod.PATCH, "/fhir/Task/*").hasAnyRole(COORDINATOR, CLINICAL_SYSTEM, ADMIN)
                    .requestMatchers(HttpMethod.GET, "/fhir/HealthcareService", "/fhir/HealthcareService/*",
                        "/fhir/Location", "/fhir/Location/*")
                        .authenticated()
                    .requestMatchers(HttpMethod.GET, "/fhir").authenticated() // HAPI's paging links (_getpages)
                    .requestMatchers(HttpMethod.POST, "/fhir/HealthcareService").hasRole(ADMIN)
                    .requestMatchers(HttpMethod.PUT, "/fhir/HealthcareService/*").hasRole(ADMIN)
                    .requestMatchers(HttpMethod.POST, "/fhir/$match-peer-groups").hasAnyRole(CLINICAL_SYSTEM, COORDINATOR, ADMIN)
                    .requestMatchers(HttpMethod.POST, "/api/directory/imports").hasRole(ADMIN)
                    .requestMatchers("/api/dead-letters", "/api/dead-letters/**").hasRole(ADMIN)
                    .requestMatchers(HttpMethod.GET, "/api/engagement/**").hasAnyRole(STAFF, ADMIN)
                    .requestMatchers(HttpMethod.GET, "/fhir/Observation", "/fhir/Observation/*")
                        .hasAnyRole(COORDINATOR, CLINICAL_SYSTEM, ADMIN)
                    .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**").permitAll()
                    .requestMatchers(HttpMethod.GET, "/actuator/prometheus").hasAnyRole(METRICS, ADMIN)
                    .requestMatchers("/actuator/**").hasRole(ADMIN)
                    .anyRequest().denyAll())
        .oauth2ResourceServer(
            resourceServer ->
                resourceServer
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(AuthorityMapping.converter(properties.rolesClaim(), properties.regionsClaim())))
                    .authenticationEntryPoint(errors)
                    .accessDeniedHandler(errors))
        .exceptionHandling(handling -> handling.authenticationEntryPoint(errors).accessDeniedHandler(errors))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // Spring's defaults (nosniff, frame DENY, no-store, HSTS over TLS), plus: API answers load nothing, embed nowhere
        .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")))
        // Bearer tokens only, no cookies: there is no session a cross-site request could ride on.
        .csrf(csrf -> csrf.disable());
    return http.build();
  }
}
