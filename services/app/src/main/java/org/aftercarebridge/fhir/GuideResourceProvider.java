package org.aftercarebridge.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.UriParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.MetadataResource;

/**
 * Serves one kind of conformance resource of our guide (StructureDefinition, ValueSet, CodeSystem …)
 * read-only: read by id, search by {@code url} and {@code name}.
 */
public class GuideResourceProvider<T extends MetadataResource> implements IResourceProvider {

  private final Class<T> type;
  private final List<T> resources;

  public GuideResourceProvider(Class<T> type, List<IBaseResource> guide) {
    this.type = type;
    this.resources = guide.stream().filter(type::isInstance).map(type::cast).toList();
  }

  @Override
  public Class<T> getResourceType() {
    return type;
  }

  @Read
  public IBaseResource read(@IdParam IdType id) {
    return resources.stream()
        .filter(resource -> resource.getIdElement().getIdPart().equals(id.getIdPart()))
        .findFirst()
        .orElseThrow(() -> new ResourceNotFoundException(id));
  }

  @Search
  public List<IBaseResource> search(
      @OptionalParam(name = "url") UriParam url, @OptionalParam(name = "name") StringParam name) {
    return resources.stream()
        .filter(resource -> url == null || url.getValue().equals(resource.getUrl()))
        .filter(resource -> name == null || startsWith(resource.getName(), name.getValue()))
        .map(IBaseResource.class::cast)
        .toList();
  }

  private static boolean startsWith(String value, String prefix) {
    return value != null && value.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT));
  }
}
