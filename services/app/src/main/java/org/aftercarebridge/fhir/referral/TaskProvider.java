package org.aftercarebridge.fhir.referral;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Patch;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.PatchTypeEnum;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flipkart.zjsonpatch.JsonPatch;
import com.flipkart.zjsonpatch.JsonPatchApplicationException;
import java.io.IOException;
import java.util.List;
import org.aftercarebridge.fhir.DatabasePages;
import org.aftercarebridge.integration.support.Endpoints;
import org.aftercarebridge.referral.ReferralTasks;
import org.aftercarebridge.security.ReferralAccess;
import org.aftercarebridge.referral.TaskLifecycle.Side;
import org.aftercarebridge.referral.TaskUpdateRefused;
import org.aftercarebridge.security.Roles;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * {@code /fhir/Task}: referral and follow-up Tasks. Read and search; coordinators and clinics update
 * them with {@code PUT} (the whole Task, {@code If-Match} honoured) or {@code PATCH} (JSON Patch),
 * both along the Task lifecycle: an illegal move is 409, one that is not the user's side to make 403,
 * invalid content 422, a stale {@code If-Match} 412 — each with an OperationOutcome naming the element.
 */
@Component
public class TaskProvider implements IResourceProvider {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ReferralTasks tasks;
  private final ProducerTemplate camel;
  private final FhirContext fhirContext;
  private final ReferralAccess access;

  public TaskProvider(ReferralTasks tasks, ProducerTemplate camel, FhirContext fhirContext, ReferralAccess access) {
    this.tasks = tasks;
    this.camel = camel;
    this.fhirContext = fhirContext;
    this.access = access;
  }

  @Override
  public Class<Task> getResourceType() {
    return Task.class;
  }

  @Read
  public Task read(@IdParam IdType id) {
    Task task = tasks.read(id.getIdPart()).orElseThrow(() -> new ResourceNotFoundException(id));
    requireVisible(id);
    return task;
  }

  /** 403 for a Task of a referral outside the caller's regions (coordinators) or messages (clinical systems). */
  private void requireVisible(IdType id) {
    if (!tasks.visible(id.getIdPart(), access.visibility())) {
      throw access.refused("Task/" + id.getIdPart());
    }
  }

  @Search
  public IBundleProvider search(
      @OptionalParam(name = Task.SP_STATUS) TokenOrListParam status,
      @OptionalParam(name = Task.SP_OWNER) ReferenceParam owner,
      @OptionalParam(name = Task.SP_PATIENT) ReferenceParam patient,
      @OptionalParam(name = Task.SP_FOCUS) ReferenceParam focus,
      @OptionalParam(name = Task.SP_CODE) TokenParam code,
      @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated) {
    ReferralTasks.Search search = new ReferralTasks.Search(
        status == null ? List.of() : status.getValuesAsQueryTokens().stream().map(TokenParam::getValue).toList(),
        reference(owner, "HealthcareService"),
        patient == null ? null : patient.getIdPart(),
        reference(focus, "ServiceRequest"),
        code == null ? null : code.getValue(),
        lastUpdated == null || lastUpdated.getLowerBoundAsInstant() == null ? null : lastUpdated.getLowerBoundAsInstant().toInstant(),
        lastUpdated == null || lastUpdated.getUpperBoundAsInstant() == null ? null : lastUpdated.getUpperBoundAsInstant().toInstant(),
        access.visibility(),
        0, 0);
    return DatabasePages.of((offset, size) -> {
      ReferralTasks.Page page = tasks.search(search.page(offset, size));
      return new DatabasePages.Window(page.total(), page.tasks());
    });
  }

  @Update
  public MethodOutcome update(@IdParam IdType id, @ResourceParam Task task) {
    if (task.getIdElement().getIdPart() != null && !task.getIdElement().getIdPart().equals(id.getIdPart())) {
      throw new InvalidRequestException("The Task's id (" + task.getIdElement().getIdPart() + ") is not the one in the URL (" + id.getIdPart() + ")");
    }
    read(id);
    return outcome(updated(id, task));
  }

  @Patch
  public MethodOutcome patch(@IdParam IdType id, PatchTypeEnum type, @ResourceParam String body) {
    if (type != PatchTypeEnum.JSON_PATCH) {
      throw new InvalidRequestException("Task PATCH takes a JSON Patch (Content-Type: application/json-patch+json)");
    }
    Task current = read(id);
    Task patched;
    try {
      JsonNode document = JSON.readTree(fhirContext.newJsonParser().encodeResourceToString(current));
      JsonNode result = JsonPatch.apply(JSON.readTree(body), document);
      patched = fhirContext.newJsonParser().parseResource(Task.class, JSON.writeValueAsString(result));
    } catch (IOException | JsonPatchApplicationException | ca.uhn.fhir.parser.DataFormatException | IllegalArgumentException e) {
      throw new InvalidRequestException("The JSON Patch cannot be applied to the Task: " + e.getMessage());
    }
    return outcome(updated(id, patched));
  }

  private static MethodOutcome outcome(Task stored) {
    MethodOutcome outcome = new MethodOutcome(stored.getIdElement().withVersion(stored.getMeta().getVersionId()));
    outcome.setResource(stored);
    return outcome;
  }

  private Task updated(IdType id, Task proposed) {
    Authentication user = SecurityContextHolder.getContext().getAuthentication();
    Integer version = id.hasVersionIdPart() ? Integer.valueOf(id.getVersionIdPart()) : null;
    ReferralTasks.Change change = new ReferralTasks.Change(id.getIdPart(), proposed, version, side(user), user.getName());
    Exchange exchange = camel.request(Endpoints.UPDATE_TASK, ex -> ex.getMessage().setBody(change));
    Exception failure = exchange.getException();
    if (failure == null) {
      return exchange.getMessage().getBody(Task.class);
    }
    if (failure instanceof TaskUpdateRefused refused) {
      throw answer(refused);
    }
    throw new InternalErrorException("The Task could not be updated right now; retry later", failure);
  }

  /** Clinical systems request; coordinators (and admins acting for them) perform. */
  private static Side side(Authentication user) {
    boolean performer = user.getAuthorities().stream()
        .anyMatch(a -> a.getAuthority().equals("ROLE_" + Roles.COORDINATOR) || a.getAuthority().equals("ROLE_" + Roles.ADMIN));
    return performer ? Side.PERFORMER : Side.REQUESTER;
  }

  private static BaseServerResponseException answer(TaskUpdateRefused refused) {
    OperationOutcome outcome = new OperationOutcome();
    OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
        .setSeverity(OperationOutcome.IssueSeverity.ERROR)
        .setDiagnostics(refused.getMessage());
    issue.addExpression(refused.location());
    issue.getLocation().add(new StringType(refused.location()));
    return switch (refused.reason()) {
      case NOT_FOUND -> {
        issue.setCode(OperationOutcome.IssueType.NOTFOUND);
        yield new ResourceNotFoundException(refused.getMessage(), outcome);
      }
      case STALE_VERSION -> {
        issue.setCode(OperationOutcome.IssueType.CONFLICT);
        yield new PreconditionFailedException(refused.getMessage(), outcome);
      }
      case CONFLICT -> {
        issue.setCode(OperationOutcome.IssueType.BUSINESSRULE);
        yield new ResourceVersionConflictException(refused.getMessage(), null, outcome);
      }
      case NOT_PERMITTED -> {
        issue.setCode(OperationOutcome.IssueType.FORBIDDEN);
        yield new ForbiddenOperationException(refused.getMessage(), outcome);
      }
      case INVALID -> {
        issue.setCode(OperationOutcome.IssueType.BUSINESSRULE);
        yield new UnprocessableEntityException(refused.getMessage(), outcome);
      }
    };
  }

  /** A reference parameter as we store it ({@code Type/id}); a bare id is taken as {@code defaultType}. */
  private static String reference(ReferenceParam param, String defaultType) {
    if (param == null) {
      return null;
    }
    String type = param.getResourceType() == null ? defaultType : param.getResourceType();
    return type + "/" + param.getIdPart();
  }
}
