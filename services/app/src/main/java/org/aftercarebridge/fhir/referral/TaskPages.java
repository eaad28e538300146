package org.aftercarebridge.fhir.referral;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import java.util.Date;
import java.util.List;
import org.aftercarebridge.referral.ReferralTasks;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.InstantType;

/** Task search results read from the database one page at a time, as HAPI's paging asks for them. */
final class TaskPages implements IBundleProvider {

  private final ReferralTasks tasks;
  private final ReferralTasks.Search search;
  private final InstantType published = InstantType.now();
  private Integer size;

  private TaskPages(ReferralTasks tasks, ReferralTasks.Search search) {
    this.tasks = tasks;
    this.search = search;
  }

  static IBundleProvider of(ReferralTasks tasks, ReferralTasks.Search search) {
    return new TaskPages(tasks, search);
  }

  @Override
  public IPrimitiveType<Date> getPublished() {
    return published;
  }

  @Override
  public List<IBaseResource> getResources(int fromIndex, int toIndex) {
    ReferralTasks.Page page = tasks.search(page(fromIndex, Math.max(0, toIndex - fromIndex)));
    size = page.total();
    return List.copyOf(page.tasks());
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
      size = tasks.search(page(0, 0)).total();
    }
    return size;
  }

  private ReferralTasks.Search page(int offset, int count) {
    return new ReferralTasks.Search(search.statuses(), search.owner(), search.patientId(), search.focus(), search.code(),
        search.updatedFrom(), search.updatedTo(), offset, count);
  }
}
