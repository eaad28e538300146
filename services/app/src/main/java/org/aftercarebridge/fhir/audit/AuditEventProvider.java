package org.aftercarebridge.fhir.audit;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.aftercarebridge.audit.AuditTrail;
import org.aftercarebridge.fhir.DatabasePages;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;

/** {@code GET /fhir/AuditEvent} (admins): the audit trail, by date, patient, entity, agent and subtype, newest first. */
@Component
public class AuditEventProvider implements IResourceProvider {

  private final AuditTrail audit;

  public AuditEventProvider(AuditTrail audit) {
    this.audit = audit;
  }

  @Override
  public Class<AuditEvent> getResourceType() {
    return AuditEvent.class;
  }

  @Read
  public AuditEvent read(@IdParam IdType id) {
    return audit.read(id.getIdPart()).orElseThrow(() -> new ResourceNotFoundException(id));
  }

  @Search
  public IBundleProvider search(
      @OptionalParam(name = AuditEvent.SP_DATE) DateRangeParam date,
      @OptionalParam(name = AuditEvent.SP_PATIENT) ReferenceParam patient,
      @OptionalParam(name = AuditEvent.SP_ENTITY) ReferenceParam entity,
      @OptionalParam(name = AuditEvent.SP_AGENT_NAME) StringParam agent,
      @OptionalParam(name = AuditEvent.SP_SUBTYPE) TokenParam subtype) {
    AuditTrail.Search search = new AuditTrail.Search(
        date == null || date.getLowerBoundAsInstant() == null ? null : date.getLowerBoundAsInstant().toInstant(),
        date == null || date.getUpperBoundAsInstant() == null ? null : date.getUpperBoundAsInstant().toInstant(),
        patient == null ? null : "Patient/" + patient.getIdPart(),
        entity == null ? null : (entity.getResourceType() == null ? "" : entity.getResourceType() + "/") + entity.getIdPart(),
        agent == null ? null : agent.getValue(),
        subtype == null ? null : subtype.getValue(),
        0, 0);
    return DatabasePages.of((offset, count) -> {
      AuditTrail.Page page = audit.search(new AuditTrail.Search(search.from(), search.to(), search.patient(), search.entity(),
          search.client(), search.subtype(), offset, count));
      return new DatabasePages.Window(page.total(), page.events());
    });
  }
}
