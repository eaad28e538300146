package org.aftercarebridge.fhir.referral;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import org.aftercarebridge.referral.Referrals;
import org.aftercarebridge.security.ReferralAccess;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.springframework.stereotype.Component;

/**
 * {@code GET /fhir/Observation}: the enrolment-status Observations the service records for referrals
 * (Gravity SDOH program-enrollment), read or searched by patient, with the referrals' visibility.
 */
@Component
public class ObservationProvider implements IResourceProvider {

  private static final int MOST = 100;

  private final Referrals referrals;
  private final ReferralAccess access;

  public ObservationProvider(Referrals referrals, ReferralAccess access) {
    this.referrals = referrals;
    this.access = access;
  }

  @Override
  public Class<Observation> getResourceType() {
    return Observation.class;
  }

  @Read
  public Observation read(@IdParam IdType id) {
    Observation observation = referrals.observation(id.getIdPart()).orElseThrow(() -> new ResourceNotFoundException(id));
    if (!referrals.referralResourceVisible("Observation", id.getIdPart(), access.visibility())) {
      throw access.refused("Observation/" + id.getIdPart());
    }
    return observation;
  }

  /** Newest first, at most 100 (a person has one or two per referral). */
  @Search
  public List<Observation> search(@OptionalParam(name = Observation.SP_PATIENT) ReferenceParam patient) {
    return referrals.enrolmentStatuses(patient == null ? null : patient.getIdPart(), access.visibility(), MOST);
  }
}
