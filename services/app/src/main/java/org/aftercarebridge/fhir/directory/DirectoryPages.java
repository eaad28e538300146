package org.aftercarebridge.fhir.directory;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import org.aftercarebridge.directory.DirectoryGroup;
import org.aftercarebridge.directory.PeerGroupDirectory;
import org.aftercarebridge.directory.PeerGroupDirectory.DirectorySearch;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.InstantType;

/** Search results read from the database one page at a time, as HAPI's paging asks for them. */
final class DirectoryPages implements IBundleProvider {

  private final PeerGroupDirectory directory;
  private final DirectorySearch search;
  private final Function<DirectoryGroup, ? extends IBaseResource> toFhir;
  private final InstantType published = InstantType.now();
  private Integer size;

  private DirectoryPages(PeerGroupDirectory directory, DirectorySearch search, Function<DirectoryGroup, ? extends IBaseResource> toFhir) {
    this.directory = directory;
    this.search = search;
    this.toFhir = toFhir;
  }

  static IBundleProvider of(PeerGroupDirectory directory, DirectorySearch search, Function<DirectoryGroup, ? extends IBaseResource> toFhir) {
    return new DirectoryPages(directory, search, toFhir);
  }

  static IBundleProvider empty() {
    return new SimpleBundleProvider();
  }

  @Override
  public IPrimitiveType<Date> getPublished() {
    return published;
  }

  @Override
  public List<IBaseResource> getResources(int fromIndex, int toIndex) {
    PeerGroupDirectory.Page page = directory.search(
        new DirectorySearch(search.name(), search.program(), search.characteristic(), search.active(), fromIndex, Math.max(0, toIndex - fromIndex)));
    size = page.total();
    return page.groups().stream().<IBaseResource>map(toFhir).toList();
  }

  @Override
  public String getUuid() {
    return null;
  }

  @Override
  public Integer preferredPageSize() {
    return null;
  }

  @Override
  public Integer size() {
    if (size == null) {
      size = directory.search(new DirectorySearch(search.name(), search.program(), search.characteristic(), search.active(), 0, 0)).total();
    }
    return size;
  }
}
