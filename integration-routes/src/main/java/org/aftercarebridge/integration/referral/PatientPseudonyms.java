package org.aftercarebridge.integration.referral;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Comparator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;

/**
 * Stable pseudonymous keys for people: HMAC-SHA256 over the sender and the patient's identifier, so
 * that one person's messages group together (JMSXGroupID) without any identifier leaving the service.
 * The key is a secret: without it a pseudonym cannot be linked back to a medical record number.
 */
public final class PatientPseudonyms {

  private static final String ALGORITHM = "HmacSHA256";
  private final SecretKeySpec key;

  public PatientPseudonyms(String secret) {
    if (secret == null || secret.length() < 16) {
      throw new IllegalArgumentException("The pseudonym key must be at least 16 characters");
    }
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
  }

  /**
   * The key of the patient as identified by the sending organisation: its medical record number
   * ({@code MR} identifier) when present, otherwise its first identifier, otherwise the resource id.
   */
  public String keyOf(String sender, Patient patient) {
    String identity =
        patient.getIdentifier().stream()
            .filter(id -> id.getValue() != null)
            .min(Comparator.comparing(id -> isMedicalRecordNumber(id) ? 0 : 1))
            .map(id -> id.getSystem() + "|" + id.getValue())
            .orElse("id|" + patient.getIdElement().getIdPart());
    return hmac(sender + "\n" + identity);
  }

  private static boolean isMedicalRecordNumber(Identifier identifier) {
    return identifier.getType().getCoding().stream().anyMatch(c -> "MR".equals(c.getCode()));
  }

  private String hmac(String value) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 32);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is not available", e);
    }
  }
}
