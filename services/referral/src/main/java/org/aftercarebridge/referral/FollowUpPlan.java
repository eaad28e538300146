package org.aftercarebridge.referral;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What follows every referral, counted from discharge: each item is published as a Task when it
 * comes due ({@code after}) and is overdue when not done {@code within} that.
 *
 * @param escalations the queue coordinator leads read escalated (overdue) follow-ups from
 * @param queue the queue follow-up Tasks are published on
 */
public record FollowUpPlan(List<Item> items, String queue, String escalations) {

  public FollowUpPlan {
    items = List.copyOf(items);
  }

  /**
   * @param kind follow-up-kinds code (first-contact, first-meeting, check-in-7d …)
   * @param display its display
   */
  public record Item(String kind, String display, Duration after, Duration within) {}

  /** An item placed in time for one referral. */
  public record Scheduled(Item item, Instant dueAt, Instant doneBy) {}

  public List<Scheduled> schedule(Instant dischargedAt) {
    return items.stream()
        .map(item -> new Scheduled(item, dischargedAt.plus(item.after()), dischargedAt.plus(item.after()).plus(item.within())))
        .toList();
  }
}
