package io.lakeops.control.actions;

import io.lakeops.control.audit.Attribution;
import io.lakeops.control.audit.AuditTrail;
import io.lakeops.control.clusters.ClusterLifecycle;
import io.lakeops.domain.Cluster;
import io.lakeops.domain.ClusterId;
import io.lakeops.domain.ClusterState;
import io.lakeops.domain.Pool;
import io.lakeops.domain.PoolName;
import io.lakeops.ports.ClusterProvider;
import io.lakeops.ports.ClusterStore;
import io.lakeops.ports.EntityKind;
import io.lakeops.ports.NotFoundException;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;

/**
 * Operators' actions on clusters: launch one more, terminate one, rotate a pool, and (where the
 * provider can) simulate a spot loss to rehearse failover. Each is audited with who and why. A
 * rotation is only requested here: the leader's pass carries it out (make-before-break), so two
 * replicas never rotate one pool twice.
 */
public final class ClusterActions {
  private final List<Pool> pools;
  private final ClusterStore store;
  private final ClusterProvider provider;
  private final ClusterLifecycle lifecycle;
  private final AuditTrail audit;
  private final Clock clock;

  public ClusterActions(
      List<Pool> pools,
      ClusterStore store,
      ClusterProvider provider,
      ClusterLifecycle lifecycle,
      AuditTrail audit,
      Clock clock) {
    this.pools = pools;
    this.store = store;
    this.provider = provider;
    this.lifecycle = lifecycle;
    this.audit = audit;
    this.clock = clock;
  }

  /** Launches one more cluster in {@code pool}, beyond its desired count if need be. */
  public Cluster launch(PoolName pool, Attribution by) {
    return lifecycle.launch(pool(pool), by);
  }

  /** Terminates {@code id}; its unfinished runs move to another READY cluster of its pool. */
  public Cluster terminate(ClusterId id, Attribution by) {
    Cluster cluster = live(id, "terminated");
    return lifecycle
        .terminate(cluster, "terminated by " + by.actor(), by)
        .orElseThrow(() -> changedMeanwhile(id));
  }

  /**
   * Asks for the rotation of {@code pool}'s longest-serving READY cluster; the leader launches its
   * replacement at its next pass. Refused while the pool rotates already or is short of clusters.
   */
  public Cluster rotate(PoolName name, Attribution by) {
    Pool pool = pool(name);
    List<Cluster> live =
        lifecycle.liveClusters().stream().filter(c -> c.pool().equals(name)).toList();
    if (live.stream().anyMatch(c -> c.rotation() != null)) {
      throw new ActionRefusedException("pool " + name + " is rotating already; one at a time");
    }
    List<Cluster> ready = live.stream().filter(c -> c.state() == ClusterState.READY).toList();
    if (ready.isEmpty() || ready.size() < pool.desired()) {
      throw new ActionRefusedException(
          "pool "
              + name
              + " has "
              + ready.size()
              + " READY of its "
              + pool.desired()
              + " clusters; it heals before it rotates");
    }
    Cluster oldest = ready.stream().min(Comparator.comparing(Cluster::readyAt)).orElseThrow();
    String reason = "requested by " + by.actor() + ": " + by.reason();
    return lifecycle
        .change(
            oldest,
            oldest.rotating(new Cluster.Rotation(null, reason, clock.instant(), null)),
            "cluster.rotate",
            by)
        .orElseThrow(() -> changedMeanwhile(oldest.id()));
  }

  /**
   * Kills the cluster's processes abruptly, as a spot interruption would; the reconciler then has
   * to notice the death, replace the cluster and move its runs, as it would in production.
   */
  public Cluster simulateLoss(ClusterId id, Attribution by) {
    if (!provider.canSimulateLoss()) {
      throw new ActionRefusedException(
          "this console's clusters cannot simulate a spot loss; terminate the cluster instead");
    }
    Cluster cluster = live(id, "killed");
    if (cluster.providerId() == null || !provider.simulateLoss(cluster.providerId())) {
      throw new ActionRefusedException("cluster " + id + " has no running process to kill");
    }
    audit.record(
        "cluster.simulate-loss",
        EntityKind.CLUSTER,
        id.value(),
        cluster.version(),
        clock.instant(),
        cluster,
        cluster,
        by);
    return cluster;
  }

  private Cluster live(ClusterId id, String what) {
    Cluster cluster =
        store.findCluster(id).orElseThrow(() -> new NotFoundException("cluster", id.value()));
    if (cluster.state().isTerminal() || cluster.state() == ClusterState.TERMINATING) {
      throw new ActionRefusedException(
          "cluster "
              + id
              + " is "
              + cluster.state().name().toLowerCase()
              + "; only a live cluster can be "
              + what);
    }
    return cluster;
  }

  private Pool pool(PoolName name) {
    return pools.stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("pool", name.value()));
  }

  private static ActionRefusedException changedMeanwhile(ClusterId id) {
    return new ActionRefusedException("cluster " + id + " changed meanwhile; look again and retry");
  }
}
