package io.lakeops.control.clusters;

import io.lakeops.domain.Cluster;
import io.lakeops.domain.ClusterState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How soon a pool may launch again, read from the pool's own recent clusters rather than kept in
 * memory, so that every replica and a restarted console judge alike. Clusters that failed before
 * they were ever READY (a broken bootstrap, a refused launch, no capacity) in a row make the wait
 * double each time, from {@code base} up to {@code max}.
 *
 * @param base the wait after one such failure
 * @param max the longest wait
 * @param alertAfter from how many such failures in a row the pool shows an alert
 */
public record LaunchBackoff(Duration base, Duration max, int alertAfter) {

  /** What the pool's recent clusters say about launching. */
  public record Verdict(int failedInARow, Instant notBefore, String alert) {
    public boolean allows(Instant now) {
      return notBefore == null || !now.isBefore(notBefore);
    }
  }

  /** The verdict from a pool's clusters, newest first (the store's order). */
  public Verdict judge(List<Cluster> newestFirst) {
    int streak = 0;
    Instant lastFailure = null;
    for (Cluster c : newestFirst) {
      if (c.state() != ClusterState.FAILED) {
        if (c.state().isTerminal() || c.readyAt() != null) {
          break; // a cluster that worked, or was ended on purpose: the streak is over
        }
        continue; // still starting: it neither breaks nor extends the streak
      }
      if (c.readyAt() != null) {
        break; // it was READY once: a death in service, not a failing launch
      }
      streak++;
      if (lastFailure == null) {
        lastFailure = c.endedAt() != null ? c.endedAt() : c.updatedAt();
      }
    }
    if (streak == 0) {
      return new Verdict(0, null, null);
    }
    Duration wait = base.multipliedBy(1L << Math.min(streak - 1, 20));
    if (wait.compareTo(max) > 0) {
      wait = max;
    }
    Instant next = lastFailure == null ? null : lastFailure.plus(wait);
    String alert =
        streak >= alertAfter
            ? streak + " launches in a row failed before the cluster was ready; next try at " + next
            : null;
    return new Verdict(streak, next, alert);
  }
}
