package org.aftercarebridge.referral.web;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.aftercarebridge.referral.Referrals;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;

/** {@code GET /fhir/Task/{id}}: referral Tasks. */
@Component
public class TaskProvider implements IResourceProvider {

  private final Referrals referrals;

  public TaskProvider(Referrals referrals) {
    this.referrals = referrals;
  }

  @Override
  public Class<Task> getResourceType() {
    return Task.class;
  }

  @Read
  public Task read(@IdParam IdType id) {
    return referrals.task(id.getIdPart()).orElseThrow(() -> new ResourceNotFoundException(id));
  }
}
