package org.aftercarebridge.fhir.directory;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.aftercarebridge.directory.DirectoryGroup;
import org.aftercarebridge.directory.DirectoryProperties;
import org.aftercarebridge.directory.DirectorySnapshot;
import org.aftercarebridge.directory.PeerGroupDirectory;
import org.aftercarebridge.directory.PeerGroupDirectory.DirectorySearch;
import org.aftercarebridge.fhir.DatabasePages;
import org.aftercarebridge.integration.directory.HealthcareServiceToPeerGroupMapper;
import org.aftercarebridge.integration.directory.HealthcareServiceToPeerGroupMapper.InvalidGroupException;
import org.aftercarebridge.integration.directory.PeerGroupToHealthcareServiceMapper;
import org.aftercarebridge.profiles.AftercareProfiles;
import org.aftercarebridge.profiles.ProfileValidator;
import org.aftercarebridge.profiles.ValidationReport;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.stereotype.Component;

/**
 * The peer-group directory as FHIR HealthcareService: read and search for everyone signed in;
 * create and replace (admin) for programs without machine-readable feeds. Imported groups are
 * maintained at their feed and cannot be replaced here.
 */
@Component
public class HealthcareServiceProvider implements IResourceProvider {

  private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

  private final PeerGroupDirectory directory;
  private final DirectorySnapshot snapshot;
  private final PeerGroupToHealthcareServiceMapper toFhir = new PeerGroupToHealthcareServiceMapper();
  private final HealthcareServiceToPeerGroupMapper fromFhir = new HealthcareServiceToPeerGroupMapper();
  private final ProfileValidator validator;
  private final FhirContext fhirContext;
  private final String defaultRegion;

  public HealthcareServiceProvider(
      PeerGroupDirectory directory,
      DirectorySnapshot snapshot,
      ProfileValidator validator,
      FhirContext fhirContext,
      DirectoryProperties properties) {
    this.directory = directory;
    this.snapshot = snapshot;
    this.validator = validator;
    this.fhirContext = fhirContext;
    this.defaultRegion = properties.defaultRegion();
  }

  @Override
  public Class<HealthcareService> getResourceType() {
    return HealthcareService.class;
  }

  @Read
  public HealthcareService read(@IdParam IdType id) {
    return directory.find(id.getIdPart()).map(toFhir::toHealthcareService).orElseThrow(() -> new ResourceNotFoundException(id));
  }

  /**
   * {@code name} starts-with (case-insensitive), {@code service-type} (R4's name; {@code type} as our
   * interface lists it), {@code characteristic}, {@code program}, {@code active}.
   */
  @Search
  public IBundleProvider search(
      @OptionalParam(name = HealthcareService.SP_NAME) StringParam name,
      @OptionalParam(name = HealthcareService.SP_SERVICE_TYPE) TokenParam serviceType,
      @OptionalParam(name = "type") TokenParam typeAlias,
      @OptionalParam(name = HealthcareService.SP_CHARACTERISTIC) TokenParam characteristic,
      @OptionalParam(name = HealthcareService.SP_PROGRAM) TokenParam program,
      @OptionalParam(name = HealthcareService.SP_ACTIVE) TokenParam active) {
    TokenParam type = serviceType != null ? serviceType : typeAlias;
    if (type != null && !(PeerGroupToHealthcareServiceMapper.SUPPORT_GROUPS.equals(type.getValue())
        && (type.getSystem() == null || PeerGroupToHealthcareServiceMapper.SERVICE_TYPE.equals(type.getSystem())))) {
      return new SimpleBundleProvider();
    }
    if (!inSystem(characteristic, AftercareProfiles.MEETING_CHARACTERISTICS) || !inSystem(program, AftercareProfiles.RECOVERY_PROGRAMS)) {
      return new SimpleBundleProvider();
    }
    Boolean activeValue = null;
    if (active != null) {
      if (!"true".equals(active.getValue()) && !"false".equals(active.getValue())) {
        throw new InvalidRequestException("active must be true or false");
      }
      activeValue = Boolean.valueOf(active.getValue());
    }
    DirectorySearch search = new DirectorySearch(
        name == null ? null : name.getValue(),
        program == null ? null : program.getValue(),
        characteristic == null ? null : characteristic.getValue(),
        activeValue, 0, 0);
    return DatabasePages.of((offset, count) -> {
      PeerGroupDirectory.Page page = directory.search(
          new DirectorySearch(search.name(), search.program(), search.characteristic(), search.active(), offset, count));
      return new DatabasePages.Window(page.total(), page.groups().stream().map(toFhir::toHealthcareService).toList());
    });
  }

  @Create
  public MethodOutcome create(@ResourceParam HealthcareService service) {
    String id = "grp-" + UUID.randomUUID();
    DirectoryGroup group = accept(id, service);
    directory.save(group);
    snapshot.refresh();
    return new MethodOutcome(new IdType("HealthcareService", id), true).setResource(toFhir.toHealthcareService(group));
  }

  @Update
  public MethodOutcome update(@IdParam IdType id, @ResourceParam HealthcareService service) {
    String groupId = id.getIdPart();
    if (groupId == null || !FHIR_ID.matcher(groupId).matches()) {
      throw new InvalidRequestException("Not a FHIR id: " + groupId);
    }
    if (service.getIdElement().hasIdPart() && !groupId.equals(service.getIdElement().getIdPart())) {
      throw new InvalidRequestException("The resource id (" + service.getIdElement().getIdPart()
          + ") differs from the id in the URL (" + groupId + ")");
    }
    directory.find(groupId).filter(DirectoryGroup::imported).ifPresent(imported -> {
      throw new ResourceVersionConflictException("HealthcareService/" + groupId + " is imported from the feed "
          + imported.source() + ": change it at its source");
    });
    DirectoryGroup group = accept(groupId, service);
    boolean created = directory.save(group);
    snapshot.refresh();
    return new MethodOutcome(new IdType("HealthcareService", groupId), created).setResource(toFhir.toHealthcareService(group));
  }

  /** Conforms to PeerSupportGroup and fits the directory model, or a 422 naming every problem. */
  private DirectoryGroup accept(String id, HealthcareService service) {
    ValidationReport report =
        validator.validate(fhirContext.newJsonParser().encodeResourceToString(service), AftercareProfiles.PEER_SUPPORT_GROUP);
    if (report.hasErrors()) {
      throw new UnprocessableEntityException(fhirContext, report.toOperationOutcome());
    }
    try {
      return fromFhir.toDirectoryGroup(id, service, defaultRegion);
    } catch (InvalidGroupException invalid) {
      OperationOutcome outcome = new OperationOutcome();
      invalid.problems().forEach(problem -> outcome.addIssue()
          .setSeverity(OperationOutcome.IssueSeverity.ERROR)
          .setCode(OperationOutcome.IssueType.BUSINESSRULE)
          .setDiagnostics(problem.message())
          .addExpression(problem.location()));
      throw new UnprocessableEntityException(fhirContext, outcome);
    }
  }

  private static boolean inSystem(TokenParam token, String system) {
    return token == null || token.getSystem() == null || token.getSystem().equals(system);
  }
}
