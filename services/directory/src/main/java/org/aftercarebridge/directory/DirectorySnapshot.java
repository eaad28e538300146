package org.aftercarebridge.directory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.aftercarebridge.matching.PeerGroupIndex;

/**
 * The active directory in memory, indexed for matching, so that matching a discharge costs no
 * database query. Rebuilt after this instance changes the directory, and when a cheap version check
 * (at most every {@code recheck}) shows that another instance did.
 */
public final class DirectorySnapshot {

  private final PeerGroupDirectory directory;
  private final Duration recheck;
  private final Clock clock;
  private volatile Loaded loaded;
  private volatile Instant checkedAt = Instant.MIN;

  public DirectorySnapshot(PeerGroupDirectory directory, Duration recheck, Clock clock) {
    this.directory = directory;
    this.recheck = recheck;
    this.clock = clock;
  }

  /** The matching index of the active groups. */
  public PeerGroupIndex index() {
    return current().index();
  }

  /** An active group by id. */
  public Optional<DirectoryGroup> group(String id) {
    return Optional.ofNullable(current().groups().get(id));
  }

  /** Reloads now: call after changing the directory. */
  public synchronized void refresh() {
    String version = directory.version();
    List<DirectoryGroup> groups = directory.activeGroups();
    loaded =
        new Loaded(
            version,
            groups.stream().collect(Collectors.toUnmodifiableMap(DirectoryGroup::id, Function.identity())),
            new PeerGroupIndex(groups.stream().map(DirectoryGroup::toPeerGroup).toList()));
    checkedAt = clock.instant();
  }

  private Loaded current() {
    Loaded now = loaded;
    if (now == null || clock.instant().isAfter(checkedAt.plus(recheck))) {
      synchronized (this) {
        if (loaded == null || !loaded.version().equals(directory.version())) {
          refresh();
        }
        checkedAt = clock.instant();
      }
      now = loaded;
    }
    return now;
  }

  private record Loaded(String version, Map<String, DirectoryGroup> groups, PeerGroupIndex index) {}
}
