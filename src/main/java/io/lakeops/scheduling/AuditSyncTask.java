package io.lakeops.scheduling;

import io.lakeops.control.audit.AuditMirrorSync;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Runs the audit mirror's incremental sync. Every replica keeps its own mirror, so this is an
 * every-node task, not a leader-only one. A failed pass is logged and counted; the next pass
 * resumes from the saved position.
 */
@ApplicationScoped
class AuditSyncTask {
  private static final Logger LOG = Logger.getLogger(AuditSyncTask.class);

  private final AuditMirrorSync sync;
  private final Counter mirrored;
  private final Counter failures;
  private final Timer passes;

  AuditSyncTask(AuditMirrorSync sync, MeterRegistry registry) {
    this.sync = sync;
    this.passes = registry.timer("lakeops.audit.sync.pass");
    this.mirrored = registry.counter("lakeops.audit.sync.external.changes");
    this.failures = registry.counter("lakeops.audit.sync.failures");
  }

  @Scheduled(
      identity = "audit-sync",
      every = "{lakeops.audit.sync-interval}",
      delayed = "{lakeops.audit.sync-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void syncMirror() {
    try {
      mirrored.increment(passes.record(sync::syncOnce));
    } catch (RuntimeException e) {
      failures.increment();
      LOG.warnf(e, "Audit sync pass failed; the next pass resumes from the saved position");
    }
  }
}
