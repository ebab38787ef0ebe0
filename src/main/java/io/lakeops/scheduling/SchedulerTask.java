package io.lakeops.scheduling;

import io.lakeops.config.SchedulerConfig;
import io.lakeops.control.scheduling.ControlLoop;
import io.lakeops.control.scheduling.ControlLoop.PassReport;
import io.lakeops.control.scheduling.TickReport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Runs the leader's pass (schedule, follow and dispatch runs) every {@code
 * lakeops.scheduler.interval}. Leader-only: the pass itself checks the lease and does nothing on
 * other replicas. On shutdown the lease is released so another replica leads at once.
 */
@ApplicationScoped
class SchedulerTask {
  private static final Logger LOG = Logger.getLogger(SchedulerTask.class);

  private final ControlLoop loop;
  private final SchedulerConfig config;
  private final Clock clock;
  private final Timer passes;
  private final Counter created;
  private final Counter conflicts;
  private final Counter dispatched;
  private final Counter failures;
  private final Counter clusterSteps;
  private final AtomicInteger leader = new AtomicInteger();

  SchedulerTask(ControlLoop loop, SchedulerConfig config, Clock clock, MeterRegistry registry) {
    this.loop = loop;
    this.config = config;
    this.clock = clock;
    this.passes = registry.timer("lakeops.scheduler.pass");
    this.created = registry.counter("lakeops.scheduler.runs.created");
    this.conflicts = registry.counter("lakeops.scheduler.conflicts");
    this.dispatched = registry.counter("lakeops.scheduler.runs.dispatched");
    this.failures = registry.counter("lakeops.scheduler.failures");
    this.clusterSteps = registry.counter("lakeops.clusters.steps");
    registry.gauge("lakeops.scheduler.leader", leader);
  }

  @Scheduled(
      identity = "scheduler",
      every = "{lakeops.scheduler.interval}",
      delayed = "{lakeops.scheduler.interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void pass() {
    if (!config.enabled()) {
      return;
    }
    try {
      long start = System.nanoTime();
      PassReport report = passes.recordCallable(() -> loop.pass(clock.instant()));
      record(report, Duration.ofNanos(System.nanoTime() - start));
    } catch (Exception e) {
      failures.increment();
      LOG.warnf(e, "Scheduler pass failed; the next pass tries again");
    }
  }

  void onStop(@Observes ShutdownEvent stop) {
    try {
      loop.close();
    } catch (RuntimeException e) {
      LOG.warnf(e, "Could not release the leader lease; it expires by itself");
    }
  }

  private void record(PassReport report, Duration took) {
    leader.set(report.leader() ? 1 : 0);
    TickReport tick = report.tick();
    if (tick != null) {
      created.increment(tick.runsCreated());
      conflicts.increment(tick.conflicts());
      tick.skipped().forEach(s -> LOG.warnf("Scheduler skipped windows: %s", s));
      tick.failures().forEach(f -> LOG.warnf(f.cause(), "Scheduler could not handle %s", f));
      failures.increment(tick.failures().size());
    }
    dispatched.increment(report.runsDispatched());
    failures.increment(report.failures().size());
    report.failures().forEach(f -> LOG.warnf(f.cause(), "Scheduler step failed: %s", f));
    clusterSteps.increment(report.clusterSteps());
    int newRuns = tick == null ? 0 : tick.runsCreated();
    if (newRuns
            + report.runsDispatched()
            + report.runsChanged()
            + report.clusterSteps()
            + report.reconciled()
        > 0) {
      LOG.infof(
          "Scheduler pass in %d ms: %d runs created, %d moved on, %d dispatched; %d cluster steps;"
              + " %d due entries mended",
          took.toMillis(),
          newRuns,
          report.runsChanged(),
          report.runsDispatched(),
          report.clusterSteps(),
          report.reconciled());
    }
  }
}
