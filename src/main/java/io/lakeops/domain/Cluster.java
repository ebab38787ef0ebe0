package io.lakeops.domain;

import java.time.Instant;

/**
 * A cluster of a pool. {@code providerId} is what the provider calls it (an EMR job-flow id, a
 * local process id), {@code endpoint} is where its Livy server answers. {@code version} is the
 * store's optimistic-lock version: 0 before the first write.
 */
public record Cluster(
    ClusterId id,
    PoolName pool,
    String providerId,
    ClusterState state,
    String endpoint,
    MarketMix marketMix,
    String stateReason,
    Instant requestedAt,
    Instant readyAt,
    Instant endedAt,
    long version,
    Instant updatedAt) {

  /** A cluster just requested from its provider, not yet stored. */
  public static Cluster requested(ClusterId id, PoolName pool, Instant now) {
    return new Cluster(
        id,
        pool,
        null,
        ClusterState.REQUESTED,
        null,
        MarketMix.UNKNOWN,
        null,
        now,
        null,
        null,
        0,
        null);
  }

  /** This cluster in {@code target}, if the state machine allows it; otherwise an exception. */
  public Cluster moveTo(ClusterState target, String reason, Instant at) {
    if (!state.canMoveTo(target)) {
      throw new IllegalTransitionException("cluster " + id, state, target);
    }
    return new Cluster(
        id,
        pool,
        providerId,
        target,
        endpoint,
        marketMix,
        reason,
        requestedAt,
        target == ClusterState.READY ? at : readyAt,
        target.isTerminal() ? at : endedAt,
        version,
        updatedAt);
  }

  /** The same cluster as stored at {@code newVersion} and {@code at}. */
  public Cluster stored(long newVersion, Instant at) {
    return new Cluster(
        id,
        pool,
        providerId,
        state,
        endpoint,
        marketMix,
        stateReason,
        requestedAt,
        readyAt,
        endedAt,
        newVersion,
        at);
  }
}
