package io.lakeops.control.scheduling;

import io.lakeops.ports.LeaseStore;
import java.time.Duration;
import java.time.Instant;

/**
 * This replica's claim on the one lease that lets a single replica do leader-only work (the
 * scheduler's tick, dispatching and monitoring runs). Each pass renews it; a replica that stops
 * renewing loses it after the time to live, and another takes over. Correctness never depends on
 * it: every write the leader makes is conditional, so two replicas that both believe they lead (a
 * pause longer than the time to live) only waste work.
 */
public final class LeaderLease {
  public static final String NAME = "scheduler";

  private final LeaseStore leases;
  private final String holder;
  private final Duration ttl;

  public LeaderLease(LeaseStore leases, String holder, Duration ttl) {
    if (ttl.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("the leader lease must live at least 1s");
    }
    this.leases = leases;
    this.holder = holder;
    this.ttl = ttl;
  }

  /** Takes or renews the lease; whether this replica leads until {@code now + ttl}. */
  public boolean renew(Instant now) {
    return leases.tryAcquire(NAME, holder, ttl, now).isPresent();
  }

  /** Gives the lease up so that another replica takes over at once, not after the time to live. */
  public void release() {
    leases.release(NAME, holder);
  }

  public String holder() {
    return holder;
  }
}
