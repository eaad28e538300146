package org.aftercarebridge.fhir.referral;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.aftercarebridge.fhir.DatabasePages;
import org.aftercarebridge.referral.Referrals;
import org.aftercarebridge.security.ReferralAccess;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.springframework.stereotype.Component;

/** {@code GET /fhir/ServiceRequest}: referrals, read or searched by patient, status and performer (the group). */
@Component
public class ServiceRequestProvider implements IResourceProvider {

  private final Referrals referrals;
  private final ReferralAccess access;

  public ServiceRequestProvider(Referrals referrals, ReferralAccess access) {
    this.referrals = referrals;
    this.access = access;
  }

  @Override
  public Class<ServiceRequest> getResourceType() {
    return ServiceRequest.class;
  }

  @Read
  public ServiceRequest read(@IdParam IdType id) {
    ServiceRequest request = referrals.serviceRequest(id.getIdPart()).orElseThrow(() -> new ResourceNotFoundException(id));
    if (!referrals.serviceRequestVisible(id.getIdPart(), access.visibility())) {
      throw access.refused("ServiceRequest/" + id.getIdPart());
    }
    return request;
  }

  @Search
  public IBundleProvider search(
      @OptionalParam(name = ServiceRequest.SP_PATIENT) ReferenceParam patient,
      @OptionalParam(name = ServiceRequest.SP_STATUS) TokenParam status,
      @OptionalParam(name = ServiceRequest.SP_PERFORMER) ReferenceParam performer) {
    Referrals.RequestSearch search = new Referrals.RequestSearch(
        patient == null ? null : patient.getIdPart(),
        status == null ? null : status.getValue(),
        performer == null ? null : performer.getIdPart(),
        access.visibility(),
        0, 0);
    return DatabasePages.of((offset, count) -> {
      Referrals.RequestPage page = referrals.searchServiceRequests(search.page(offset, count));
      return new DatabasePages.Window(page.total(), page.requests());
    });
  }
}
