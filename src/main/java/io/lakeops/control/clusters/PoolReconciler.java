package io.lakeops.control.clusters;

import io.lakeops.control.audit.Attribution;
import io.lakeops.domain.Cluster;
import io.lakeops.domain.ClusterDeath;
import io.lakeops.domain.ClusterState;
import io.lakeops.domain.MarketMix;
import io.lakeops.domain.Pool;
import io.lakeops.domain.PoolName;
import io.lakeops.ports.ClusterProvider;
import io.lakeops.ports.ClusterSignal;
import io.lakeops.ports.ClusterStore;
import io.lakeops.ports.PageRequest;
import io.lakeops.ports.ProvidedCluster;
import io.lakeops.ports.SparkSubmitter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Keeps each pool at its desired count of READY clusters (a leader-only step of the pass). It reads
 * every live cluster from its provider in one call, records what changed, judges health (the
 * provider's state, a start that takes too long, Livy pings that keep failing), records a dead
 * cluster FAILED with the reason and launches its replacement, within the pool's launch backoff.
 * The runs of a failed cluster are moved by the run monitor, which sees that their cluster is gone.
 *
 * <p>Cost of a pass: one provider call (paged) for all clusters, one Livy ping per READY or
 * DRAINING cluster, and one store read per pool that is short of clusters; never one per run.
 */
public final class PoolReconciler {
  private static final Duration ABANDONED_LAUNCH = Duration.ofMinutes(1);
  private static final int RECENT = 20;

  private final Map<PoolName, Pool> pools;
  private final ClusterStore store;
  private final ClusterProvider provider;
  private final SparkSubmitter submitter;
  private final ClusterLifecycle lifecycle;
  private final Settings settings;
  private final ClusterHealth health;

  /**
   * How clusters are judged.
   *
   * @param livyUnreachableChecks failed pings in a row that make a READY cluster FAILED
   * @param startTimeout how long a cluster may take to become READY
   * @param backoff the wait before launching again in a pool whose launches keep failing
   */
  public record Settings(int livyUnreachableChecks, Duration startTimeout, LaunchBackoff backoff) {}

  public PoolReconciler(
      List<Pool> pools,
      ClusterStore store,
      ClusterProvider provider,
      SparkSubmitter submitter,
      ClusterLifecycle lifecycle,
      Settings settings,
      ClusterHealth health) {
    this.pools = pools.stream().collect(Collectors.toMap(Pool::name, Function.identity()));
    this.store = store;
    this.provider = provider;
    this.submitter = submitter;
    this.lifecycle = lifecycle;
    this.settings = settings;
    this.health = health;
  }

  /** One pass at {@code now}; how many clusters changed state or were launched. */
  public int reconcile(Instant now) {
    return reconcile(now, Map.of());
  }

  /**
   * One pass at {@code now} made because of {@code signals} (by provider id): the same pass, whose
   * describe is the check of what the signals claim; a death it finds of a signalled cluster is
   * recorded as noticed by the event.
   */
  public int reconcile(Instant now, Map<String, ClusterSignal> signals) {
    List<Cluster> live = lifecycle.liveClusters();
    Map<String, ProvidedCluster> seen =
        provider.describe(live.stream().map(Cluster::providerId).filter(Objects::nonNull).toList());
    int changed = 0;
    for (Cluster cluster : live) {
      ProvidedCluster report = seen.get(cluster.providerId());
      ClusterSignal signal =
          cluster.providerId() == null ? null : signals.get(cluster.providerId());
      Deaths deaths = new Deaths(signal, report, now);
      changed += follow(cluster, report, deaths, now) ? 1 : 0;
    }
    health.retainOnly(live.stream().map(Cluster::id).toList());
    return changed + topUp(now);
  }

  private boolean follow(Cluster cluster, ProvidedCluster report, Deaths deaths, Instant now) {
    Pool pool = pools.get(cluster.pool());
    if (pool == null) {
      return cluster.state() != ClusterState.TERMINATING
          && lifecycle
              .terminate(cluster, "pool " + cluster.pool() + " is not configured", system("orphan"))
              .isPresent();
    }
    if (cluster.providerId() == null) {
      return resumeAbandonedLaunch(cluster, pool, now);
    }
    if (report == null) {
      return fail(
          cluster, "the provider does not know cluster " + cluster.providerId(), deaths.notice());
    }
    if (cluster.state() == ClusterState.TERMINATING && stillUp(report.state())) {
      // Recorded as ending, but the provider never got the request (the console stopped between
      // the two) or lost it: ask again until it says the cluster is going.
      provider.terminate(cluster.providerId());
      return false;
    }
    Optional<ClusterState> next = ProviderStates.next(cluster.state(), report.state());
    if (next.isPresent() && next.get() == ClusterState.FAILED) {
      return fail(cluster, "reported by the provider: " + report.reason(), deaths.notice());
    }
    Cluster current = cluster;
    boolean newEndpoint =
        report.endpoint() != null && !report.endpoint().equals(cluster.endpoint());
    boolean newMix =
        report.marketMix() != null
            && !report.marketMix().equals(MarketMix.UNKNOWN)
            && !report.marketMix().equals(cluster.marketMix());
    if (next.isPresent() || newEndpoint || newMix) {
      ClusterState target = next.orElse(cluster.state());
      Cluster observed =
          cluster.observed(target, report.endpoint(), report.marketMix(), report.reason(), now);
      if (target == ClusterState.TERMINATING) {
        observed = observed.died(deaths.notice()); // ending, and not asked: the console asks first
      }
      Optional<Cluster> stored =
          lifecycle.change(
              cluster,
              observed,
              "cluster." + target.name().toLowerCase(),
              system("reported by the provider: " + report.reason()));
      if (stored.isEmpty()) {
        return false; // another writer got there first; the next pass reads it again
      }
      current = stored.get();
    }
    return judgeHealth(current, now) || current != cluster;
  }

  private static boolean stillUp(ClusterState reported) {
    return !reported.isTerminal() && reported != ClusterState.TERMINATING;
  }

  /** A start that takes too long, or a Livy that stops answering, is the cluster's death. */
  private boolean judgeHealth(Cluster cluster, Instant now) {
    ClusterState state = cluster.state();
    if (state == ClusterState.REQUESTED || state == ClusterState.STARTING) {
      if (cluster.requestedAt().plus(settings.startTimeout()).isBefore(now)) {
        return fail(cluster, "not ready within " + settings.startTimeout() + " of its request");
      }
      return false;
    }
    if ((state != ClusterState.READY && state != ClusterState.DRAINING)
        || cluster.endpoint() == null) {
      return false;
    }
    int missed = health.record(cluster.id(), submitter.answers(cluster.endpoint()), now);
    if (missed == 0 || missed < settings.livyUnreachableChecks()) {
      return false;
    }
    return fail(
        cluster,
        "Livy at " + cluster.endpoint() + " did not answer " + missed + " checks in a row");
  }

  private boolean resumeAbandonedLaunch(Cluster cluster, Pool pool, Instant now) {
    if (cluster.state() != ClusterState.REQUESTED
        || cluster.requestedAt().plus(ABANDONED_LAUNCH).isAfter(now)) {
      return false; // being launched right now, by this pass or an operator's request
    }
    Cluster resumed =
        lifecycle.launch(pool, cluster.id(), system("launch resumed after an interruption"));
    return resumed.state() != ClusterState.REQUESTED;
  }

  /** Launches what each pool lacks, one at a time while its launches keep failing. */
  private int topUp(Instant now) {
    Map<PoolName, Long> active =
        lifecycle.liveClusters().stream()
            .filter(c -> countsTowardDesired(c.state()))
            .collect(Collectors.groupingBy(Cluster::pool, Collectors.counting()));
    int launched = 0;
    for (Pool pool : pools.values()) {
      long have = active.getOrDefault(pool.name(), 0L);
      if (have >= pool.desired()) {
        continue;
      }
      LaunchBackoff.Verdict verdict =
          settings
              .backoff()
              .judge(store.findClusters(pool.name(), PageRequest.first(RECENT)).items());
      if (!verdict.allows(now)) {
        continue;
      }
      long missing = verdict.failedInARow() > 0 ? 1 : pool.desired() - have;
      for (long i = 0; i < missing; i++) {
        lifecycle.launch(
            pool,
            system(
                "pool "
                    + pool.name()
                    + " has "
                    + (have + i)
                    + " of its "
                    + pool.desired()
                    + " clusters"));
        launched++;
      }
    }
    return launched;
  }

  /**
   * REQUESTED, STARTING and READY clusters count; draining and terminating ones are on their way
   * out.
   */
  static boolean countsTowardDesired(ClusterState state) {
    return state == ClusterState.REQUESTED
        || state == ClusterState.STARTING
        || state == ClusterState.READY;
  }

  private boolean fail(Cluster cluster, String reason) {
    return fail(cluster, reason, null);
  }

  private boolean fail(Cluster cluster, String reason, ClusterDeath death) {
    health.forget(cluster.id());
    // A cluster seen TERMINATING first keeps the death noticed then, not the later FAILED.
    ClusterDeath first = cluster.death() != null ? cluster.death() : death;
    return lifecycle.fail(cluster, reason, first, system(reason)).isPresent();
  }

  private static Attribution system(String reason) {
    return new Attribution(ClusterLifecycle.SYSTEM, reason);
  }
}
