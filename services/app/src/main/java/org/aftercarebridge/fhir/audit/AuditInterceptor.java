package org.aftercarebridge.fhir.audit;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.aftercarebridge.audit.AuditTrail;
import org.aftercarebridge.correlation.CorrelationId;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Audits every read, search, create and update of referral data through the FHIR API (Task,
 * ServiceRequest, Consent), refused ones too: BALP's PatientRead, PatientQuery, PatientCreate and
 * PatientUpdate, with the client, the resources by reference, the patient and the X-Request-Id.
 */
@Interceptor
public final class AuditInterceptor {

  private static final Set<String> AUDITED = Set.of("Task", "ServiceRequest", "Consent");
  private static final int MOST_ENTITIES = 50;

  private final AuditTrail audit;

  public AuditInterceptor(AuditTrail audit) {
    this.audit = audit;
  }

  @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
  public void answered(RequestDetails request, ResponseDetails response) {
    AuditTrail.Interaction interaction = interaction(request);
    if (interaction == null) {
      return;
    }
    List<IBaseResource> touched = new ArrayList<>();
    IBaseResource answer = response.getResponseResource();
    if (answer instanceof Bundle bundle) {
      bundle.getEntry().stream().limit(MOST_ENTITIES).forEach(entry -> touched.add(entry.getResource()));
    } else if (answer != null) {
      touched.add(answer);
    }
    List<String> references = touched.stream()
        .filter(resource -> resource != null && resource.getIdElement().getIdPart() != null)
        .map(resource -> resource.fhirType() + "/" + resource.getIdElement().getIdPart())
        .toList();
    String patient = touched.stream().map(AuditInterceptor::patientOf).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    audit.record(new AuditTrail.Entry(interaction, client(), references, patient, null, CorrelationId.current()));
  }

  @Hook(Pointcut.SERVER_HANDLE_EXCEPTION)
  public boolean refused(RequestDetails request, BaseServerResponseException exception) {
    AuditTrail.Interaction interaction = interaction(request);
    if (interaction != null) {
      List<String> references = request.getId() == null || request.getId().getIdPart() == null
          ? List.of()
          : List.of(request.getResourceName() + "/" + request.getId().getIdPart());
      audit.record(new AuditTrail.Entry(interaction, client(), references, null, "HTTP " + exception.getStatusCode(),
          CorrelationId.current()));
    }
    return true; // HAPI answers as usual
  }

  private static AuditTrail.Interaction interaction(RequestDetails request) {
    if (request.getResourceName() == null || !AUDITED.contains(request.getResourceName()) || request.getRestOperationType() == null) {
      return null;
    }
    RestOperationTypeEnum operation = request.getRestOperationType();
    return switch (operation) {
      case READ, VREAD -> AuditTrail.Interaction.READ;
      case SEARCH_TYPE -> AuditTrail.Interaction.SEARCH;
      case CREATE -> AuditTrail.Interaction.CREATE;
      case UPDATE, PATCH -> AuditTrail.Interaction.UPDATE;
      default -> null;
    };
  }

  private static String patientOf(IBaseResource resource) {
    if (resource instanceof Task task && task.hasFor()) {
      return task.getFor().getReference();
    }
    if (resource instanceof ServiceRequest request && request.hasSubject()) {
      return request.getSubject().getReference();
    }
    if (resource instanceof Consent consent && consent.hasPatient()) {
      return consent.getPatient().getReference();
    }
    return null;
  }

  private static String client() {
    Authentication user = SecurityContextHolder.getContext().getAuthentication();
    return user == null ? "anonymous" : user.getName();
  }
}
