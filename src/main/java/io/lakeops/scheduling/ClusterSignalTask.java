package io.lakeops.scheduling;

import io.lakeops.config.ClustersConfig;
import io.lakeops.config.SchedulerConfig;
import io.lakeops.control.clusters.ClusterLifecycle;
import io.lakeops.control.scheduling.ClusterSignalFeed;
import io.lakeops.control.scheduling.ClusterSignalLoop;
import io.lakeops.control.scheduling.ControlLoop;
import io.lakeops.ports.ClusterSignals;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Receives EMR's state-change events when {@code lakeops.clusters.events.sqs-queue-url} names a
 * queue, on a thread of its own, and has the leader's pass act on them at once; the scheduled pass
 * stays the backstop. Off by default: then nothing starts.
 */
@ApplicationScoped
class ClusterSignalTask {
  private static final Logger LOG = Logger.getLogger(ClusterSignalTask.class);

  private final ClustersConfig clusters;
  private final SchedulerConfig scheduler;
  private final ControlLoop loop;
  private final ClusterLifecycle lifecycle;
  private final Instance<ClusterSignals> signals;
  private final Clock clock;
  private final Counter checked;
  private final Counter ignored;
  private final Counter garbage;
  private final Counter deferred;
  private ClusterSignalLoop running;

  ClusterSignalTask(
      ClustersConfig clusters,
      SchedulerConfig scheduler,
      ControlLoop loop,
      ClusterLifecycle lifecycle,
      Instance<ClusterSignals> signals,
      Clock clock,
      MeterRegistry registry) {
    this.clusters = clusters;
    this.scheduler = scheduler;
    this.loop = loop;
    this.lifecycle = lifecycle;
    this.signals = signals;
    this.clock = clock;
    this.checked = registry.counter("lakeops.clusters.signals", "outcome", "checked");
    this.ignored = registry.counter("lakeops.clusters.signals", "outcome", "ignored");
    this.garbage = registry.counter("lakeops.clusters.signals", "outcome", "garbage");
    this.deferred = registry.counter("lakeops.clusters.signals", "outcome", "deferred");
  }

  void onStart(@Observes StartupEvent start) {
    boolean configured = clusters.events().sqsQueueUrl().filter(u -> !u.isBlank()).isPresent();
    if (!configured || !scheduler.enabled()) {
      return;
    }
    LOG.infof("Cluster events from %s", clusters.events().sqsQueueUrl().get());
    ClusterSignalFeed feed =
        new ClusterSignalFeed(signals.get(), loop, lifecycle::liveClusters, clock);
    running = new ClusterSignalLoop(feed, scheduler.interval(), this::record).start();
  }

  /** Before the scheduler steps down, so that no signal's pass takes the lease again. */
  void onStop(@Observes @Priority(1000) ShutdownEvent stop) {
    if (running != null) {
      running.close();
    }
  }

  private void record(ClusterSignalFeed.Outcome outcome) {
    checked.increment(outcome.checked());
    ignored.increment(outcome.ignored());
    garbage.increment(outcome.garbage());
    deferred.increment(outcome.deferred());
    if (outcome.checked() > 0) {
      LOG.infof(
          "Cluster events made a pass over %d clusters: %d cluster steps",
          outcome.checked(), outcome.pass().clusterSteps());
    }
    if (outcome.deferred() > 0) {
      LOG.warnf(
          "%d cluster events left for the next try: %s",
          outcome.deferred(), outcome.pass() == null ? "" : outcome.pass().failures());
    }
  }
}
