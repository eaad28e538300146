package org.aftercarebridge.matching;

import java.util.Optional;

/**
 * What attending costs, cheapest first; a person's limit admits everything up to it. Codes of the
 * guide's group-costs CodeSystem (used in HealthcareService.serviceProvisionCode).
 */
public enum Cost {
  FREE("free", "free"),
  DONATION("donation", "voluntary donation"),
  SLIDING_SCALE("sliding-scale", "sliding-scale fee"),
  FEE("fee", "fee");

  private final String code;
  private final String label;

  Cost(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  public boolean within(Cost limit) {
    return compareTo(limit) <= 0;
  }

  public static Optional<Cost> fromCode(String code) {
    for (Cost cost : values()) {
      if (cost.code.equals(code)) {
        return Optional.of(cost);
      }
    }
    return Optional.empty();
  }
}
