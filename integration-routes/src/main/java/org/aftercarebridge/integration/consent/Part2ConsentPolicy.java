package org.aftercarebridge.integration.consent;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Identifier;

/**
 * 42 CFR Part 2: whether a person's consent lets us disclose their referral to the peer coordinators.
 * A consent covers the disclosure when it is active, is a Part 2 consent (policy rule
 * {@code v3-ActCode#42CFRPart2}), permits, is in force now, names one of our purposes of use and
 * names the coordinators' organisation as information recipient (IRCP), by identifier — as the
 * guide's Part2Consent profile (IHE PCF advanced consent) shapes it. Anything less is no consent.
 *
 * @param recipients identifiers ({@code system|value}) of the organisation that receives referrals: the peer coordinators
 * @param purposes v3-ActReason codes of the purposes referrals serve (treatment, coordination of care)
 */
public record Part2ConsentPolicy(Set<String> recipients, Set<String> purposes) {

  static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
  static final String ACT_REASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
  static final String PARTICIPATION_TYPE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";

  public Part2ConsentPolicy {
    recipients = Set.copyOf(recipients);
    purposes = Set.copyOf(purposes);
  }

  /** The first of the consents that covers the disclosure at {@code at}. */
  public Optional<Consent> covering(Collection<Consent> consents, Instant at) {
    return consents.stream().filter(consent -> whyNot(consent, at) == null).findFirst();
  }

  /** Why the consent does not cover the disclosure at {@code at}, in words for the clinic; null when it does. */
  public String whyNot(Consent consent, Instant at) {
    if (consent.getStatus() != Consent.ConsentState.ACTIVE) {
      return "the consent is not active";
    }
    if (consent.getPolicyRule().getCoding().stream().noneMatch(c -> ACT_CODE.equals(c.getSystem()) && "42CFRPart2".equals(c.getCode()))) {
      return "the consent is not a 42 CFR Part 2 consent (policyRule v3-ActCode#42CFRPart2)";
    }
    Consent.ProvisionComponent provision = consent.getProvision();
    if (provision.getType() != Consent.ConsentProvisionType.PERMIT) {
      return "the consent does not permit disclosure";
    }
    if (provision.getPeriod().hasStart() && provision.getPeriod().getStart().toInstant().isAfter(at)) {
      return "the consent is not in force yet";
    }
    if (!provision.getPeriod().hasEnd() || !provision.getPeriod().getEnd().toInstant().isAfter(at)) {
      return "the consent has expired (42 CFR Part 2 requires an end)";
    }
    if (provision.getPurpose().stream().noneMatch(p -> ACT_REASON.equals(p.getSystem()) && purposes.contains(p.getCode()))) {
      return "the consent names none of the purposes of an aftercare referral (" + String.join(", ", purposes) + ")";
    }
    boolean recipientNamed = provision.getActor().stream()
        .filter(actor -> actor.getRole().getCoding().stream().anyMatch(c -> PARTICIPATION_TYPE.equals(c.getSystem()) && "IRCP".equals(c.getCode())))
        .map(actor -> actor.getReference().getIdentifier())
        .anyMatch(this::isRecipient);
    if (!recipientNamed) {
      return "the consent does not name the peer coordinators (" + String.join(", ", recipients) + ") as recipient";
    }
    return null;
  }

  private boolean isRecipient(Identifier identifier) {
    return identifier != null && recipients.contains(identifier.getSystem() + "|" + identifier.getValue());
  }
}
