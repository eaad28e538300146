package org.aftercarebridge.fhir;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.InstantType;

/**
 * Search results read from the database one page at a time, as HAPI's paging asks for them: the
 * query runs with the window HAPI wants ({@code offset}, {@code count}; count 0 for the total alone).
 */
public final class DatabasePages implements IBundleProvider {

  /** One window of a search: the total matches and the resources in the window. */
  public record Window(int total, List<? extends IBaseResource> resources) {}

  /** Runs the search for a window. */
  @FunctionalInterface
  public interface Query {
    Window run(int offset, int count);
  }

  private final Query query;
  private final InstantType published = InstantType.now();
  private Integer size;

  private DatabasePages(Query query) {
    this.query = query;
  }

  public static IBundleProvider of(Query query) {
    return new DatabasePages(query);
  }

  @Override
  public IPrimitiveType<Date> getPublished() {
    return published;
  }

  @Override
  public List<IBaseResource> getResources(int fromIndex, int toIndex) {
    Window window = query.run(fromIndex, Math.max(0, toIndex - fromIndex));
    size = window.total();
    return List.copyOf(window.resources());
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
      size = query.run(0, 0).total();
    }
    return size;
  }
}
