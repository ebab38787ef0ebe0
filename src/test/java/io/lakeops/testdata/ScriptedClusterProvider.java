package io.lakeops.testdata;

import io.lakeops.domain.Cluster;
import io.lakeops.domain.ClusterId;
import io.lakeops.domain.ClusterState;
import io.lakeops.domain.MarketMix;
import io.lakeops.domain.Pool;
import io.lakeops.ports.ClusterProvider;
import io.lakeops.ports.ProvidedCluster;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A cluster provider in memory whose answers the test sets: a launch starts a cluster STARTING, and
 * the test says when it is READY or gone. Counts launches and describe calls.
 */
public final class ScriptedClusterProvider implements ClusterProvider {
  private final Map<String, ProvidedCluster> reports = new ConcurrentHashMap<>();
  private final List<String> launched = new ArrayList<>();
  private final List<String> terminated = new ArrayList<>();
  private int describeCalls;
  private String refusal;

  /** The provider reports {@code cluster} in {@code state}, at {@code endpoint} once known. */
  public void report(Cluster cluster, ClusterState state, String endpoint) {
    report(cluster.providerId(), state, endpoint);
  }

  public void report(String providerId, ClusterState state, String endpoint) {
    reports.put(
        providerId,
        new ProvidedCluster(providerId, state, endpoint, MarketMix.UNKNOWN, "test says " + state));
  }

  /** The provider reports {@code providerId} ended in {@code state} at {@code endedAt}. */
  public void reportEnded(String providerId, ClusterState state, java.time.Instant endedAt) {
    reports.put(
        providerId,
        new ProvidedCluster(
            providerId, state, null, MarketMix.UNKNOWN, "test says " + state, endedAt));
  }

  /** Every launch from now on is refused with {@code why}; null accepts them again. */
  public void refuseLaunches(String why) {
    this.refusal = why;
  }

  /** Forgets a cluster, as a provider that never heard of it. */
  public void forget(String providerId) {
    reports.remove(providerId);
  }

  public synchronized List<String> launched() {
    return List.copyOf(launched);
  }

  public synchronized List<String> terminated() {
    return List.copyOf(terminated);
  }

  public synchronized int describeCalls() {
    return describeCalls;
  }

  @Override
  public synchronized String launch(ClusterId id, Pool pool) {
    if (refusal != null) {
      throw new IllegalStateException(refusal);
    }
    String providerId = "p-" + id;
    if (!reports.containsKey(providerId)) {
      launched.add(providerId);
      report(providerId, ClusterState.STARTING, null);
    }
    return providerId;
  }

  @Override
  public synchronized Map<String, ProvidedCluster> describe(Collection<String> providerIds) {
    describeCalls++;
    Map<String, ProvidedCluster> seen = new java.util.HashMap<>();
    providerIds.stream().filter(reports::containsKey).forEach(id -> seen.put(id, reports.get(id)));
    return seen;
  }

  @Override
  public synchronized void terminate(String providerId) {
    terminated.add(providerId);
    if (reports.containsKey(providerId)) {
      report(providerId, ClusterState.TERMINATED, null);
    }
  }

  @Override
  public boolean simulateLoss(String providerId) {
    if (!reports.containsKey(providerId)) {
      return false;
    }
    report(providerId, ClusterState.FAILED, null);
    return true;
  }

  @Override
  public boolean canSimulateLoss() {
    return true;
  }
}
