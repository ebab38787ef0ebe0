package io.lakeops.control.clusters;

import io.lakeops.domain.ClusterDeath;
import io.lakeops.ports.ClusterSignal;
import io.lakeops.ports.ProvidedCluster;
import java.time.Instant;

/**
 * How a death found by a reconcile was noticed: by the event that made the pass look (when there
 * was one for that cluster) or by the poll, and when it happened by the provider's own clock — the
 * earliest of the event's time (if the event claims an end) and the end in the provider's report.
 */
record Deaths(ClusterSignal signal, ProvidedCluster report, Instant now) {

  ClusterDeath notice() {
    Instant died = report == null ? null : report.endedAt();
    if (signal != null && signal.claimsAnEnd() && signal.at() != null) {
      died = died == null || signal.at().isBefore(died) ? signal.at() : died;
    }
    return new ClusterDeath(
        died, now, signal == null ? ClusterDeath.Signal.POLL : ClusterDeath.Signal.EVENT);
  }
}
