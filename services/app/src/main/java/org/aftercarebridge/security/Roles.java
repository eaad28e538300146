package org.aftercarebridge.security;

/** The roles of the service's users, as they appear in the token's roles claim. */
public final class Roles {

  /** EHRs, HIEs: send discharge events, read the status of their referrals. */
  public static final String CLINICAL_SYSTEM = "clinical-system";
  /** Peer coordinators: read and work referrals and tasks. */
  public static final String COORDINATOR = "coordinator";
  /** Treatment-centre staff: read engagement figures and the directory. */
  public static final String STAFF = "staff";
  /** Operators: directory, configuration, operations endpoints. */
  public static final String ADMIN = "admin";
  /** Prometheus and other scrapers: {@code /actuator/prometheus} and nothing that holds data. */
  public static final String METRICS = "metrics";

  private Roles() {}
}
