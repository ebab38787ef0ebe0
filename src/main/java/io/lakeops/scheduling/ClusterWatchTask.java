package io.lakeops.scheduling;

import io.lakeops.control.clusters.ClusterLifecycle;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Follows live clusters through their provider. Local clusters belong to the console that started
 * them, so every replica watches its own; EMR pools will make this leader-only.
 */
@ApplicationScoped
class ClusterWatchTask {
  private static final Logger LOG = Logger.getLogger(ClusterWatchTask.class);

  private final ClusterLifecycle clusters;
  private final Counter failures;

  ClusterWatchTask(ClusterLifecycle clusters, MeterRegistry registry) {
    this.clusters = clusters;
    this.failures = registry.counter("lakeops.clusters.watch.failures");
  }

  @Scheduled(
      identity = "cluster-watch",
      every = "{lakeops.clusters.watch-interval}",
      delayed = "{lakeops.clusters.watch-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void watch() {
    try {
      clusters.refresh();
    } catch (RuntimeException e) {
      failures.increment();
      LOG.warnf(e, "Cluster watch pass failed; the next pass tries again");
    }
  }
}
