package io.lakeops.domain;

import java.time.Instant;

/**
 * A cluster of a pool. {@code providerId} is what the provider calls it (an EMR job-flow id, a
 * local process id), {@code endpoint} is where its Livy server answers. {@code version} is the
 * store's optimistic-lock version: 0 before the first write.
 *
 * @param rotation set while this cluster is being replaced: kept on the old cluster's record, so
 *     that a console that restarts mid-rotation finds it and carries on
 * @param death set when the cluster ended without being asked to: when, and how it was noticed
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
    Rotation rotation,
    ClusterDeath death,
    long version,
    Instant updatedAt) {

  /**
   * The replacement of a cluster, make-before-break: the replacement is launched first, this
   * cluster drains once it is READY, and is terminated when its runs have finished or moved.
   *
   * @param replacement the cluster launched to take this one's place; its id is chosen (and kept
   *     here) before it is launched, so a restart resumes the same launch instead of another
   * @param reason why: the pool's maximum age, its cron, or an operator's request with their reason
   * @param requestedAt when the rotation was decided
   * @param drainingSince when this cluster stopped taking runs; null before
   */
  public record Rotation(
      ClusterId replacement, String reason, Instant requestedAt, Instant drainingSince) {

    /** The same rotation with {@code next} as its replacement (the previous one failed). */
    public Rotation replacedBy(ClusterId next) {
      return new Rotation(next, reason, requestedAt, drainingSince);
    }
  }

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
    Rotation rotating =
        target == ClusterState.DRAINING && rotation != null
            ? new Rotation(rotation.replacement(), rotation.reason(), rotation.requestedAt(), at)
            : rotation;
    return copy(
        providerId,
        target,
        endpoint,
        marketMix,
        reason,
        target == ClusterState.READY ? at : readyAt,
        target.isTerminal() ? at : endedAt,
        rotating);
  }

  /** This cluster, asked of its provider, known there as {@code provider}, now starting. */
  public Cluster launched(String provider, Instant at) {
    Cluster starting = moveTo(ClusterState.STARTING, "launched", at);
    return starting.copy(
        provider,
        starting.state,
        endpoint,
        marketMix,
        starting.stateReason,
        readyAt,
        endedAt,
        rotation);
  }

  /**
   * This cluster in {@code target} as its provider reports it, with the endpoint and market mix the
   * provider knows; an exception if the state machine does not allow the step.
   */
  public Cluster observed(
      ClusterState target, String newEndpoint, MarketMix mix, String reason, Instant at) {
    Cluster moved = target == state ? this : moveTo(target, reason, at);
    return copy(
        providerId,
        moved.state,
        newEndpoint == null ? endpoint : newEndpoint,
        mix == null || mix.equals(MarketMix.UNKNOWN) ? marketMix : mix,
        reason,
        moved.readyAt,
        moved.endedAt,
        rotation);
  }

  /** This cluster with its rotation decided or changed; the state does not change. */
  public Cluster rotating(Rotation next) {
    return copy(providerId, state, endpoint, marketMix, stateReason, readyAt, endedAt, next);
  }

  /** This cluster with how its unasked end was noticed; the state does not change. */
  public Cluster died(ClusterDeath how) {
    return stamped(how, version, updatedAt);
  }

  /** The same cluster as stored at {@code newVersion} and {@code at}. */
  public Cluster stored(long newVersion, Instant at) {
    return stamped(death, newVersion, at);
  }

  private Cluster stamped(ClusterDeath newDeath, long newVersion, Instant at) {
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
        rotation,
        newDeath,
        newVersion,
        at);
  }

  private Cluster copy(
      String newProviderId,
      ClusterState newState,
      String newEndpoint,
      MarketMix newMix,
      String newReason,
      Instant newReadyAt,
      Instant newEndedAt,
      Rotation newRotation) {
    return new Cluster(
        id,
        pool,
        newProviderId,
        newState,
        newEndpoint,
        newMix,
        newReason,
        requestedAt,
        newReadyAt,
        newEndedAt,
        newRotation,
        death,
        version,
        updatedAt);
  }
}
