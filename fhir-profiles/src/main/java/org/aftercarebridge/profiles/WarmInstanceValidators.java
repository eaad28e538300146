package org.aftercarebridge.profiles;

import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r5.context.IWorkerContext;
import org.hl7.fhir.r5.elementmodel.Manager.FhirFormat;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.r5.utils.validation.ValidatorSession;
import org.hl7.fhir.r5.utils.validation.constants.IdStatus;
import org.hl7.fhir.r5.utils.xver.XVerExtensionManagerOld;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.hl7.fhir.validation.ValidatorSettings;
import org.hl7.fhir.validation.instance.InstanceValidator;

/**
 * Validates JSON text with core {@link InstanceValidator}s that are kept warm between calls.
 *
 * <p>HAPI's {@code FhirInstanceValidator} builds a new {@code InstanceValidator} for every call, and
 * its constructor re-reads the OID table and builds a FHIRPath engine: a large share of each
 * validation. Here a pool of one validator per core, set up exactly as HAPI's {@code ValidatorWrapper}
 * sets them up (same settings, same worker context, same handling of claimed profiles and the same
 * message filtering), is reused; each validator is replaced after {@link #RENEW_AFTER} uses because a
 * validation session keeps what it validated. {@code WarmValidationEquivalenceTest} proves
 * the results equal HAPI's on every example.
 */
final class WarmInstanceValidators {

  /**
   * The core validator is made for one validation session: it keeps maps keyed by every element it
   * validated (resource trackers, fetched and xhtml elements, tracked messages), about 0.8 MB per
   * discharge bundle, for as long as it lives. Renewed this often, a validator holds at most ~40 MB,
   * and making a new one costs well under 0.1 ms per validation.
   */
  static final int RENEW_AFTER = 50;
  private static final String UNKNOWN_PROFILE = "Validation_VAL_Profile_Unknown";
  private static final String UNKNOWN_PROFILE_NOT_POLICY = "VALIDATION_VAL_PROFILE_UNKNOWN_NOT_POLICY";

  private final FhirInstanceValidator settings;
  private final IWorkerContext worker;
  private final BlockingQueue<Pooled> idle;
  private final int size;
  private final AtomicInteger created = new AtomicInteger();
  private final AtomicInteger made = new AtomicInteger();

  WarmInstanceValidators(FhirInstanceValidator settings, int size) {
    this.settings = settings;
    this.worker = settings.getWorkerContext();
    this.size = size;
    this.idle = new ArrayBlockingQueue<>(size);
  }

  /** Validates a JSON resource against {@code profileUrl} and the profiles it claims in meta.profile. */
  List<SingleValidationMessage> validateJson(String json, String profileUrl) {
    List<ValidationMessage> messages = new ArrayList<>();
    List<StructureDefinition> profiles = new ArrayList<>();
    StructureDefinition requested = worker.fetchResource(StructureDefinition.class, profileUrl);
    if (requested == null) {
      throw new IllegalArgumentException("No such profile here: " + profileUrl);
    }
    profiles.add(requested);
    // as HAPI does: claimed profiles we have are validated too; one we lack is reported by the core
    // validator itself ("has not been checked because it could not be found")
    for (String claimed : claimedProfiles(json)) {
      StructureDefinition profile = worker.fetchResource(StructureDefinition.class, claimed);
      if (profile != null) {
        profiles.add(profile);
      }
    }
    Pooled pooled = borrow();
    try {
      pooled.validator.validate(
          null, messages, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), FhirFormat.JSON, profiles);
    } finally {
      giveBack(pooled);
    }
    return messages.stream().filter(this::kept).map(this::toHapi).toList();
  }

  /**
   * An idle validator, a new one while fewer than the pool's size exist, else waits for one: more
   * validations at once than cores only add memory and cache misses, and a validator made for one
   * call costs as much as the call.
   */
  private Pooled borrow() {
    Pooled pooled = idle.poll();
    if (pooled != null) {
      return pooled;
    }
    if (created.getAndIncrement() < size) {
      return new Pooled(newValidator());
    }
    created.decrementAndGet();
    try {
      return idle.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for a validator", e);
    }
  }

  /** Back to the pool; one used {@link #RENEW_AFTER} times is replaced, so no session state grows without bound. */
  private void giveBack(Pooled pooled) {
    idle.offer(pooled.uses.incrementAndGet() < RENEW_AFTER ? pooled : new Pooled(newValidator()));
  }

  /** The settings of HAPI's ValidatorWrapper, taken from the configured FhirInstanceValidator. */
  private InstanceValidator newValidator() {
    made.incrementAndGet();
    InstanceValidator validator =
        new InstanceValidator(
            worker,
            new FhirInstanceValidator.NullEvaluationContext(),
            new XVerExtensionManagerOld(worker),
            new ValidatorSession(),
            new ValidatorSettings());
    validator.setAssumeValidRestReferences(settings.isAssumeValidRestReferences());
    validator.setBestPracticeWarningLevel(settings.getBestPracticeWarningLevel());
    validator.setAnyExtensionsAllowed(settings.isAnyExtensionsAllowed());
    validator.setResourceIdRule(IdStatus.OPTIONAL);
    validator.setNoTerminologyChecks(settings.isNoTerminologyChecks());
    validator.setErrorForUnknownProfiles(settings.isErrorForUnknownProfiles());
    validator.setUnknownCodeSystemsCauseErrors(true);
    validator.getExtensionDomains().addAll(settings.getExtensionDomains());
    validator.setFetcher(settings.getValidatorResourceFetcher());
    validator.setPolicyAdvisor(settings.getValidatorPolicyAdvisor());
    validator.setNoExtensibleWarnings(settings.isNoExtensibleWarnings());
    validator.setNoBindingMsgSuppressed(settings.isNoBindingMsgSuppressed());
    validator.setAllowExamples(settings.isAllowExamples());
    validator.setAllowXsiLocation(true);
    return validator;
  }

  /** How many validators were made so far: the pool's own, and their renewals. */
  int made() {
    return made.get();
  }

  int size() {
    return size;
  }

  private static List<String> claimedProfiles(String json) {
    List<String> claimed = new ArrayList<>();
    JsonElement root = JsonParser.parseString(json);
    if (root.isJsonObject() && root.getAsJsonObject().has("meta")) {
      JsonObject meta = root.getAsJsonObject().getAsJsonObject("meta");
      if (meta.has("profile") && meta.get("profile").isJsonArray()) {
        meta.getAsJsonArray("profile").forEach(profile -> claimed.add(profile.getAsString()));
      }
    }
    return claimed;
  }

  /** HAPI drops "binding has no source" notes, and (with errors for unknown profiles) raises those warnings. */
  private boolean kept(ValidationMessage message) {
    String id = message.getMessageId();
    if ("Terminology_TX_Binding_NoSource".equals(id) || "Terminology_TX_Binding_NoSource2".equals(id)) {
      return false;
    }
    if (settings.isErrorForUnknownProfiles()
        && (UNKNOWN_PROFILE.equals(id) || UNKNOWN_PROFILE_NOT_POLICY.equals(id))
        && message.getLevel() == ValidationMessage.IssueSeverity.WARNING) {
      message.setLevel(ValidationMessage.IssueSeverity.ERROR);
    }
    return true;
  }

  private SingleValidationMessage toHapi(ValidationMessage message) {
    SingleValidationMessage hapi = new SingleValidationMessage();
    if (message.getCol() != -1) {
      hapi.setLocationCol(message.getCol());
    }
    if (message.getLine() != -1) {
      hapi.setLocationLine(message.getLine());
    }
    hapi.setLocationString(message.getLocation());
    hapi.setMessage(message.getMessage());
    if (message.getLevel() != null) {
      hapi.setSeverity(ResultSeverityEnum.fromCode(message.getLevel().toCode()));
    }
    hapi.setMessageId(message.getMessageId());
    if (message.hasSliceInfo()) {
      hapi.setSliceMessages(message.getSliceInfo().stream().map(ValidationMessage::getMessage).toList());
    }
    return hapi;
  }

  private static final class Pooled {
    final InstanceValidator validator;
    final AtomicInteger uses = new AtomicInteger();

    Pooled(InstanceValidator validator) {
      this.validator = validator;
    }
  }
}
