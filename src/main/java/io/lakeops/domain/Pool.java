package io.lakeops.domain;

import java.time.Duration;

/**
 * A pool of clusters of one size class, which jobs name to say where they run. The control plane
 * keeps {@code desired} clusters READY in it, replaces them as {@code rotation} says, and gives a
 * draining cluster's batch runs {@code drainTimeout} to finish before they are moved.
 *
 * @param desired how many READY clusters the pool should have; 0 launches none on its own
 * @param concurrentRuns the most runs one cluster of the pool takes at once
 */
public record Pool(
    PoolName name,
    SizeClass size,
    String description,
    int desired,
    RotationPolicy rotation,
    Duration drainTimeout,
    int concurrentRuns) {

  public Pool {
    if (desired < 0) {
      throw new IllegalArgumentException("a pool's desired count cannot be negative");
    }
    if (concurrentRuns < 1) {
      throw new IllegalArgumentException("a cluster must take at least one run at a time");
    }
    if (drainTimeout == null || drainTimeout.isNegative()) {
      throw new IllegalArgumentException("a drain timeout is required and not negative");
    }
  }

  /** A pool with no cluster of its own, no rotation and the usual limits: for tools and tests. */
  public static Pool of(PoolName name, SizeClass size) {
    return new Pool(name, size, "", 0, RotationPolicy.NEVER, Duration.ofMinutes(15), 4);
  }
}
