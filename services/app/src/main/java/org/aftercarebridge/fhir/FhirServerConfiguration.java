package org.aftercarebridge.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.util.List;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import org.aftercarebridge.audit.AuditTrail;
import org.aftercarebridge.fhir.audit.AuditInterceptor;
import org.aftercarebridge.fhir.directory.MatchPeerGroupsProvider;
import org.aftercarebridge.intake.ProcessMessageProvider;
import org.hl7.fhir.instance.model.api.IBaseResource;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.ValueSet;
import org.aftercarebridge.profiles.AftercareProfiles;
import org.aftercarebridge.profiles.ProfileValidator;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.util.unit.DataSize;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The FHIR R4 REST API at {@code /fhir}: HAPI's plain RestfulServer gives CapabilityStatement,
 * content negotiation ({@code _format}, Accept) and OperationOutcome errors; our providers hand the
 * work to the Camel routes and the domain services.
 */
@Configuration(proxyBeanMethods = false)
public class FhirServerConfiguration {

  /** The one FhirContext of the service: building one is expensive and it is thread-safe. */
  @Bean
  FhirContext fhirContext() {
    return AftercareProfiles.newFhirContext();
  }

  /** Warmed beside the rest of start-up by {@link ValidatorWarmUp}; readiness waits for it. */
  @Bean
  ProfileValidator profileValidator(FhirContext fhirContext) {
    return ProfileValidator.create(fhirContext);
  }

  @Bean
  ServletRegistrationBean<RestfulServer> fhirServlet(
      FhirContext fhirContext,
      ProfileValidator validator,
      ProcessMessageProvider processMessage,
      MatchPeerGroupsProvider matchPeerGroups,
      List<IResourceProvider> resourceProviders,
      AuditTrail audit) {
    List<IBaseResource> guide = AftercareProfiles.conformanceResources(fhirContext);
    RestfulServer server = new RestfulServer(fhirContext);
    server.setServerName("Aftercare Bridge");
    server.setDefaultResponseEncoding(EncodingEnum.JSON);
    server.registerProviders(processMessage, matchPeerGroups);
    // Directory searches page through the database: 50 a page unless _count says otherwise (at most 500).
    FifoMemoryPagingProvider paging = new FifoMemoryPagingProvider(100);
    paging.setDefaultPageSize(50);
    paging.setMaximumPageSize(500);
    server.setPagingProvider(paging);
    server.setResourceProviders(resourceProviders);
    server.registerProviders(
        new GuideResourceProvider<>(StructureDefinition.class, guide),
        new GuideResourceProvider<>(ValueSet.class, guide),
        new GuideResourceProvider<>(CodeSystem.class, guide),
        new GuideResourceProvider<>(Questionnaire.class, guide),
        new AcceptedResourceValidation(
            Bundle.class, AftercareProfiles.DISCHARGE_NOTIFICATION, Set.of(AftercareProfiles.DISCHARGE_NOTIFICATION), validator),
        new AcceptedResourceValidation(
            QuestionnaireResponse.class,
            AftercareProfiles.PREFERENCES_RESPONSE,
            Set.of(AftercareProfiles.PREFERENCES_RESPONSE),
            validator));
    server.registerInterceptor(new CapabilityStatementCustomizer(guide));
    server.registerInterceptor(new AuditInterceptor(audit));
    server.registerInterceptor(new ScopeInterceptor());
    ServletRegistrationBean<RestfulServer> registration = new ServletRegistrationBean<>(server, "/fhir/*");
    registration.setName("fhir");
    registration.setLoadOnStartup(1);
    return registration;
  }

  /** Size and media-type limits in front of the FHIR servlet (after authentication). */
  @Bean
  FilterRegistrationBean<FhirRequestLimits> fhirRequestLimits(
      FhirContext fhirContext, @Value("${aftercare.fhir.max-request-size:5MB}") DataSize maxRequestSize) {
    FilterRegistrationBean<FhirRequestLimits> registration =
        new FilterRegistrationBean<>(new FhirRequestLimits(fhirContext, maxRequestSize), new ServletRegistrationBean<?>[0]);
    registration.addUrlPatterns("/fhir/*");
    return registration;
  }
}
