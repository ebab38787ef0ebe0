package io.lakeops.control.actions;

import io.lakeops.control.audit.Attribution;
import io.lakeops.control.audit.AuditTrail;
import io.lakeops.control.scheduling.ScheduleEntries;
import io.lakeops.domain.Job;
import io.lakeops.domain.JobRun;
import io.lakeops.domain.RunId;
import io.lakeops.ports.EntityKind;
import io.lakeops.ports.RunStore;
import io.lakeops.ports.ScheduleEntry;
import io.lakeops.ports.ScheduleStore;
import io.lakeops.ports.VersionConflictException;
import java.time.Instant;
import java.util.Optional;

/**
 * "Run now" of a streaming job: the streaming keeper owns its incarnations, so this only makes the
 * job's entry due now and the keeper starts the next incarnation at its next tick (after its
 * restart backoff, if the last one stopped recently). A job with a live incarnation is refused.
 */
final class StreamingWake {
  private static final int ATTEMPTS = 5;

  private final RunStore runs;
  private final ScheduleStore schedule;
  private final ScheduleEntries entries;
  private final AuditTrail audit;

  StreamingWake(RunStore runs, ScheduleStore schedule, ScheduleEntries entries, AuditTrail audit) {
    this.runs = runs;
    this.schedule = schedule;
    this.entries = entries;
    this.audit = audit;
  }

  RunNowAction.Started wake(Job job, Instant now, Attribution by) {
    for (int attempt = 1; ; attempt++) {
      ScheduleEntry entry =
          schedule.findEntry(job.id()).orElseGet(() -> entries.reconcile(job, now));
      Optional<JobRun> current =
          Optional.ofNullable(entry.lastScheduledFor())
              .flatMap(at -> runs.findRun(RunId.of(job.id(), at)));
      if (current.isPresent() && !current.get().state().isFinished()) {
        throw new ActionRefusedException(
            "job "
                + job.id()
                + " is already running: run "
                + current.get().id()
                + " is "
                + RunActions.label(current.get().state()));
      }
      if (entry.isDue(now)) {
        return started(job, "due since " + entry.nextDueAt());
      }
      try {
        ScheduleEntry stored = schedule.updateEntry(entry.dueAt(now));
        audit.record(
            "job.run-now", EntityKind.JOB, job.id().value(), job.version(), now, entry, stored, by);
        return started(job, "due now");
      } catch (VersionConflictException raced) {
        if (attempt == ATTEMPTS) {
          throw raced;
        }
      }
    }
  }

  private static RunNowAction.Started started(Job job, String due) {
    return new RunNowAction.Started(
        job.id(), null, "streaming job " + job.id() + " " + due + "; the scheduler starts it");
  }
}
