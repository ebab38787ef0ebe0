package io.lakeops.control.clusters;

import io.lakeops.control.audit.Attribution;
import io.lakeops.control.audit.AuditTrail;
import io.lakeops.domain.Cluster;
import io.lakeops.domain.ClusterDeath;
import io.lakeops.domain.ClusterId;
import io.lakeops.domain.ClusterState;
import io.lakeops.domain.Pool;
import io.lakeops.domain.PoolName;
import io.lakeops.ports.AlreadyExistsException;
import io.lakeops.ports.ClusterProvider;
import io.lakeops.ports.ClusterStore;
import io.lakeops.ports.Page;
import io.lakeops.ports.PageRequest;
import io.lakeops.ports.VersionConflictException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Launches, changes and terminates clusters: every state change is a conditional write on the
 * cluster's version, recorded in the audit trail. The reconciler, the rotation and the operators'
 * actions all go through here.
 */
public final class ClusterLifecycle {
  /** Changes the control plane makes on its own. */
  public static final String SYSTEM = "lakeops";

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss").withZone(ZoneOffset.UTC);
  private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
  private static final int PAGE = 100;

  private final ClusterStore store;
  private final ClusterProvider provider;
  private final AuditTrail audit;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public ClusterLifecycle(
      ClusterStore store, ClusterProvider provider, AuditTrail audit, Clock clock) {
    this.store = store;
    this.provider = provider;
    this.audit = audit;
    this.clock = clock;
  }

  /** Asks the provider for a new cluster of {@code pool}; a refusal leaves it FAILED, recorded. */
  public Cluster launch(Pool pool, Attribution by) {
    return launch(pool, newId(pool.name()), by);
  }

  /**
   * Launches cluster {@code id} of {@code pool}, or carries on with its launch when it was recorded
   * REQUESTED but not launched (the console stopped in between). Launching a cluster that is
   * already launched returns it unchanged; the provider launches an id at most once.
   */
  public Cluster launch(Pool pool, ClusterId id, Attribution by) {
    Cluster requested;
    try {
      requested = store.createCluster(Cluster.requested(id, pool.name(), clock.instant()));
      record("cluster.request", null, requested, by);
    } catch (AlreadyExistsException again) {
      requested = store.findCluster(id).orElseThrow(() -> again);
      if (requested.state() != ClusterState.REQUESTED) {
        return requested;
      }
    }
    Cluster next;
    try {
      next = requested.launched(provider.launch(requested.id(), pool), clock.instant());
    } catch (RuntimeException refused) {
      next =
          requested.moveTo(
              ClusterState.FAILED, "launch refused: " + describe(refused), clock.instant());
    }
    Cluster stored = store.updateCluster(next);
    record(
        next.state() == ClusterState.FAILED ? "cluster.failed" : "cluster.launch",
        requested,
        stored,
        by);
    return stored;
  }

  /**
   * Writes {@code after} over {@code before} and records it as {@code action}; empty when someone
   * else changed the cluster first (the next pass reads the new version and decides again).
   */
  public Optional<Cluster> change(Cluster before, Cluster after, String action, Attribution by) {
    try {
      Cluster stored = store.updateCluster(after);
      record(action, before, stored, by);
      return Optional.of(stored);
    } catch (VersionConflictException someoneElseDidIt) {
      return Optional.empty();
    }
  }

  /** Moves {@code cluster} to TERMINATING and asks its provider to end it. */
  public Optional<Cluster> terminate(Cluster cluster, String reason, Attribution by) {
    return end(cluster, ClusterState.TERMINATING, reason, by);
  }

  /** Records {@code cluster} FAILED for {@code reason} and makes sure its provider ends it. */
  public Optional<Cluster> fail(Cluster cluster, String reason, Attribution by) {
    return fail(cluster, reason, null, by);
  }

  /**
   * As {@link #fail(Cluster, String, Attribution)}, with how the death was noticed; may be null.
   */
  public Optional<Cluster> fail(
      Cluster cluster, String reason, ClusterDeath death, Attribution by) {
    return end(cluster, ClusterState.FAILED, reason, death, by);
  }

  private Optional<Cluster> end(
      Cluster cluster, ClusterState state, String reason, Attribution by) {
    return end(cluster, state, reason, null, by);
  }

  private Optional<Cluster> end(
      Cluster cluster, ClusterState state, String reason, ClusterDeath death, Attribution by) {
    Cluster ended = cluster.moveTo(state, reason, clock.instant());
    Optional<Cluster> stored =
        change(
            cluster,
            death == null ? ended : ended.died(death),
            "cluster." + state.name().toLowerCase(),
            by);
    stored.ifPresent(this::endAtProvider);
    return stored;
  }

  /** Clusters that are not terminated or failed, across pools. */
  public List<Cluster> liveClusters() {
    List<Cluster> all = new ArrayList<>();
    PageRequest request = PageRequest.first(PAGE);
    while (true) {
      Page<Cluster> page = store.findLiveClusters(request);
      all.addAll(page.items());
      if (page.next().isEmpty()) {
        return all;
      }
      request = PageRequest.after(PAGE, page.next().get());
    }
  }

  /** A new cluster id: the pool, the time and a random part, readable in logs and tags. */
  public ClusterId newId(PoolName pool) {
    StringBuilder suffix = new StringBuilder();
    for (int i = 0; i < 4; i++) {
      suffix.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    String stamp = STAMP.format(clock.instant()).toLowerCase();
    String prefix = pool.value().length() > 40 ? pool.value().substring(0, 40) : pool.value();
    return new ClusterId(prefix + "-" + stamp + "-" + suffix);
  }

  private void endAtProvider(Cluster cluster) {
    if (cluster.providerId() != null) {
      provider.terminate(cluster.providerId()); // a no-op where it is already gone
    }
  }

  private void record(String action, Cluster before, Cluster after, Attribution by) {
    audit.cluster(action, before, after, by);
  }

  static String describe(RuntimeException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
