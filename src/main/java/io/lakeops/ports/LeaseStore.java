package io.lakeops.ports;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Leases that let exactly one replica do leader-only work at a time. */
public interface LeaseStore {

  /**
   * Takes or renews lease {@code name} for {@code holder} until {@code now + ttl}, if it is free,
   * expired or already held by {@code holder}; otherwise empty. Two replicas racing: one wins.
   */
  Optional<Lease> tryAcquire(String name, String holder, Duration ttl, Instant now);

  /** Gives the lease up, if {@code holder} holds it. */
  void release(String name, String holder);

  Optional<Lease> findLease(String name);
}
