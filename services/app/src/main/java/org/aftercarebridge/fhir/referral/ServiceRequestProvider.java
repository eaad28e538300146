package org.aftercarebridge.fhir.referral;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.aftercarebridge.referral.Referrals;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.springframework.stereotype.Component;

/** {@code GET /fhir/ServiceRequest/{id}}: referrals. */
@Component
public class ServiceRequestProvider implements IResourceProvider {

  private final Referrals referrals;

  public ServiceRequestProvider(Referrals referrals) {
    this.referrals = referrals;
  }

  @Override
  public Class<ServiceRequest> getResourceType() {
    return ServiceRequest.class;
  }

  @Read
  public ServiceRequest read(@IdParam IdType id) {
    return referrals.serviceRequest(id.getIdPart()).orElseThrow(() -> new ResourceNotFoundException(id));
  }
}
