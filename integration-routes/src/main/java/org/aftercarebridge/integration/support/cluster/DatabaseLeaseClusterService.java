package org.aftercarebridge.integration.support.cluster;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.support.cluster.AbstractCamelClusterService;
import org.apache.camel.support.cluster.AbstractCamelClusterView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A Camel cluster service on the database we already share: the leader of a namespace is whoever
 * holds its row in {@code cluster_lease}, renewed every {@code renewEvery} and taken over by another
 * instance once it has not been renewed for {@code leaseFor}. Routes consumed through
 * {@code master:<namespace>:…} run on the leader only. The embedded mode's stand-in for the
 * Kubernetes Lease that production uses; both answer the same question, so routes do not care.
 */
public final class DatabaseLeaseClusterService extends AbstractCamelClusterService<DatabaseLeaseClusterService.LeaseView> {

  private static final Logger log = LoggerFactory.getLogger(DatabaseLeaseClusterService.class);

  private final JdbcClient jdbc;
  private final Duration leaseFor;
  private final Duration renewEvery;
  private final String me = "instance-" + UUID.randomUUID();

  public DatabaseLeaseClusterService(JdbcClient jdbc, Duration leaseFor, Duration renewEvery) {
    super("database-lease");
    this.jdbc = jdbc;
    this.leaseFor = leaseFor;
    this.renewEvery = renewEvery;
  }

  @Override
  protected LeaseView createView(String namespace) {
    return new LeaseView(namespace);
  }

  /** One namespace: try to take or keep the lease on a schedule, and say when leadership changes. */
  final class LeaseView extends AbstractCamelClusterView {

    private final Member local = new Member(me, true);
    private ScheduledExecutorService ticker;
    private volatile boolean leader;

    LeaseView(String namespace) {
      super(DatabaseLeaseClusterService.this, namespace);
    }

    @Override
    public Optional<CamelClusterMember> getLeader() {
      return leader ? Optional.of(new Member(me, true, true)) : holder().map(holder -> new Member(holder, false, true));
    }

    @Override
    public CamelClusterMember getLocalMember() {
      return leader ? new Member(me, true, true) : local;
    }

    @Override
    public List<CamelClusterMember> getMembers() {
      return List.of(getLocalMember());
    }

    @Override
    protected void doStart() {
      ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "cluster-lease-" + getNamespace());
        thread.setDaemon(true);
        return thread;
      });
      ticker.scheduleWithFixedDelay(this::tick, 0, renewEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() {
      ticker.shutdownNow();
      if (leader) {
        leader = false;
        try {
          jdbc.sql("delete from cluster_lease where name = :name and holder = :me").param("name", getNamespace()).param("me", me).update();
        } catch (DataAccessException e) {
          log.warn("Could not release the {} lease; it expires on its own", getNamespace());
        }
        fireLeadershipChangedEvent(Optional.empty());
      }
    }

    private void tick() {
      boolean now;
      try {
        now = takeOrKeep();
      } catch (RuntimeException e) {
        now = false; // cannot tell (database away): step down rather than risk two leaders
      }
      if (now != leader) {
        leader = now;
        log.info("{} the {} lease", now ? "Holding" : "Lost", getNamespace());
        fireLeadershipChangedEvent(now ? Optional.of(getLocalMember()) : Optional.empty());
      }
    }

    private boolean takeOrKeep() {
      Instant at = Instant.now();
      Timestamp expires = Timestamp.from(at.plus(leaseFor));
      int kept = jdbc.sql("update cluster_lease set holder = :me, expires_at = :expires where name = :name and (holder = :me or expires_at < :now)")
          .param("me", me).param("expires", expires).param("name", getNamespace()).param("now", Timestamp.from(at))
          .update();
      if (kept == 1) {
        return true;
      }
      try {
        return jdbc.sql("insert into cluster_lease (name, holder, expires_at) values (:name, :me, :expires)")
            .param("name", getNamespace()).param("me", me).param("expires", expires)
            .update() == 1;
      } catch (DuplicateKeyException raced) {
        return false;
      }
    }

    private Optional<String> holder() {
      try {
        return jdbc.sql("select holder from cluster_lease where name = :name and expires_at >= :now")
            .param("name", getNamespace()).param("now", Timestamp.from(Instant.now()))
            .query(String.class).optional();
      } catch (DataAccessException e) {
        return Optional.empty();
      }
    }
  }

  private static final class Member implements CamelClusterMember {
    private final String id;
    private final boolean local;
    private final boolean leader;

    Member(String id, boolean local) {
      this(id, local, false);
    }

    Member(String id, boolean local, boolean leader) {
      this.id = id;
      this.local = local;
      this.leader = leader;
    }

    @Override
    public String getId() {
      return id;
    }

    @Override
    public boolean isLocal() {
      return local;
    }

    @Override
    public boolean isLeader() {
      return leader;
    }
  }
}
