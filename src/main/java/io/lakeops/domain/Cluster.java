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

  /** This cluster, asked of its provider, known there as {@code provider}, now starting. */
  public Cluster launched(String provider, Instant at) {
    Cluster starting = moveTo(ClusterState.STARTING, "launched", at);
    return new Cluster(
        id,
        pool,
        provider,
        starting.state,
        endpoint,
        marketMix,
        starting.stateReason,
        requestedAt,
        readyAt,
        endedAt,
        version,
        updatedAt);
  }

  /**
   * This cluster in {@code target} as its provider reports it, with the endpoint and market mix the
   * provider knows; an exception if the state machine does not allow the step.
   */
  public Cluster observed(
      ClusterState target, String newEndpoint, MarketMix mix, String reason, Instant at) {
    Cluster moved = target == state ? this : moveTo(target, reason, at);
    return new Cluster(
        id,
        pool,
        providerId,
        moved.state,
        newEndpoint == null ? endpoint : newEndpoint,
        mix == null || mix.equals(MarketMix.UNKNOWN) ? marketMix : mix,
        reason,
        requestedAt,
        moved.readyAt,
        moved.endedAt,
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
