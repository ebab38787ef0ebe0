package io.lakeops.control.clusters;

import io.lakeops.domain.ClusterId;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the leader's Livy pings of its READY clusters found: consecutive misses per cluster and the
 * last answer. Kept in memory by the replica that leads (a new leader starts counting afresh) and
 * read by the clusters page; a replica that does not lead has nothing to show.
 */
public final class ClusterHealth {

  /** The pings of one cluster: misses in a row, and when Livy last answered; null if never. */
  public record Pings(int missedInARow, Instant lastAnswer) {}

  private final Map<ClusterId, Pings> pings = new ConcurrentHashMap<>();

  /** Records one ping; returns the misses in a row now. */
  int record(ClusterId cluster, boolean answered, Instant at) {
    Pings next =
        pings.compute(
            cluster,
            (id, before) ->
                answered
                    ? new Pings(0, at)
                    : new Pings(
                        before == null ? 1 : before.missedInARow() + 1,
                        before == null ? null : before.lastAnswer()));
    return next.missedInARow();
  }

  /** Forgets clusters that are no longer live. */
  void retainOnly(Collection<ClusterId> live) {
    pings.keySet().retainAll(live);
  }

  void forget(ClusterId cluster) {
    pings.remove(cluster);
  }

  /** The pings of {@code cluster} as this replica saw them; null when it has not pinged it. */
  public Pings of(ClusterId cluster) {
    return pings.get(cluster);
  }
}
