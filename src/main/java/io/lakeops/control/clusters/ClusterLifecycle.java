package io.lakeops.control.clusters;

import io.lakeops.control.audit.Attribution;
import io.lakeops.control.audit.AuditTrail;
import io.lakeops.domain.Cluster;
import io.lakeops.domain.ClusterId;
import io.lakeops.domain.ClusterState;
import io.lakeops.domain.Pool;
import io.lakeops.domain.PoolName;
import io.lakeops.ports.ClusterProvider;
import io.lakeops.ports.ClusterStore;
import io.lakeops.ports.Page;
import io.lakeops.ports.PageRequest;
import io.lakeops.ports.ProvidedCluster;
import io.lakeops.ports.VersionConflictException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Launches clusters and follows them through their provider: every state change is a conditional
 * write, recorded in the audit trail. Relaunch and rotation build on this (a later issue).
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
    Cluster requested =
        store.createCluster(Cluster.requested(newId(pool.name()), pool.name(), clock.instant()));
    record("cluster.request", null, requested, by);
    Cluster next;
    try {
      next = requested.launched(provider.launch(requested.id(), pool), clock.instant());
    } catch (RuntimeException refused) {
      next =
          requested.moveTo(
              ClusterState.FAILED, "launch refused: " + refused.getMessage(), clock.instant());
    }
    Cluster stored = store.updateCluster(next);
    record(
        next.state() == ClusterState.FAILED ? "cluster.failed" : "cluster.launch",
        requested,
        stored,
        by);
    return stored;
  }

  /** Brings every live cluster's record in line with what its provider reports; returns changes. */
  public int refresh() {
    List<Cluster> live = liveClusters();
    Map<String, ProvidedCluster> seen =
        provider.describe(
            live.stream().map(Cluster::providerId).filter(java.util.Objects::nonNull).toList());
    int changed = 0;
    for (Cluster cluster : live) {
      ProvidedCluster report = seen.get(cluster.providerId());
      if (cluster.providerId() != null && report != null && observe(cluster, report)) {
        changed++;
      }
    }
    return changed;
  }

  /** Launches clusters until each pool has at least the wanted number alive. */
  public List<Cluster> ensure(Map<Pool, Integer> wanted, Attribution by) {
    List<Cluster> live = liveClusters();
    List<Cluster> launched = new ArrayList<>();
    wanted.forEach(
        (pool, count) -> {
          long have = live.stream().filter(c -> c.pool().equals(pool.name())).count();
          for (long i = have; i < count; i++) {
            launched.add(launch(pool, by));
          }
        });
    return launched;
  }

  private boolean observe(Cluster cluster, ProvidedCluster seen) {
    Optional<ClusterState> next = ProviderStates.next(cluster.state(), seen.state());
    boolean newEndpoint = seen.endpoint() != null && !seen.endpoint().equals(cluster.endpoint());
    if (next.isEmpty() && !newEndpoint) {
      return false;
    }
    ClusterState target = next.orElse(cluster.state());
    Cluster changed =
        cluster.observed(target, seen.endpoint(), seen.marketMix(), seen.reason(), clock.instant());
    try {
      Cluster stored = store.updateCluster(changed);
      record(
          "cluster." + target.name().toLowerCase(),
          cluster,
          stored,
          new Attribution(SYSTEM, "reported by the provider: " + seen.reason()));
      return true;
    } catch (VersionConflictException someoneElseDidIt) {
      return false; // another replica recorded it first; the next pass sees the new version
    }
  }

  private List<Cluster> liveClusters() {
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

  private void record(String action, Cluster before, Cluster after, Attribution by) {
    audit.cluster(action, before, after, by);
  }

  private ClusterId newId(PoolName pool) {
    StringBuilder suffix = new StringBuilder();
    for (int i = 0; i < 4; i++) {
      suffix.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    String stamp = STAMP.format(clock.instant()).toLowerCase();
    String prefix = pool.value().length() > 40 ? pool.value().substring(0, 40) : pool.value();
    return new ClusterId(prefix + "-" + stamp + "-" + suffix);
  }
}
