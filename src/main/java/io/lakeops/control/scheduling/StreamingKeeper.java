package io.lakeops.control.scheduling;

import io.lakeops.control.audit.Attribution;
import io.lakeops.control.audit.AuditTrail;
import io.lakeops.control.runs.RunJournal;
import io.lakeops.domain.InputWindow;
import io.lakeops.domain.Job;
import io.lakeops.domain.JobRun;
import io.lakeops.domain.RunId;
import io.lakeops.domain.RunState;
import io.lakeops.ports.EntityKind;
import io.lakeops.ports.PageRequest;
import io.lakeops.ports.RunQuery;
import io.lakeops.ports.RunStore;
import io.lakeops.ports.ScheduleEntry;
import io.lakeops.ports.ScheduleStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Keeps one live run per unpaused streaming job. Each start is an incarnation: a run whose id is
 * the job and the due time the keeper read from the entry, so two replicas name the same run. A
 * stopped incarnation (failed, lost, cancelled or ended) is followed by a new one after a backoff
 * that grows with recent restarts; the new one resumes from the query's checkpoint. Too many
 * restarts within a period set the entry's alert and are recorded in the audit log.
 */
public final class StreamingKeeper {
  private final ScheduleStore schedule;
  private final RunStore runs;
  private final AuditTrail audit;
  private final RunJournal journal;
  private final SchedulerSettings settings;

  public StreamingKeeper(
      ScheduleStore schedule, RunStore runs, AuditTrail audit, SchedulerSettings settings) {
    this.schedule = schedule;
    this.runs = runs;
    this.audit = audit;
    this.journal = new RunJournal(runs, audit);
    this.settings = settings;
  }

  void keep(Job job, ScheduleEntry entry, Instant now, TickReport report) {
    Optional<JobRun> current =
        Optional.ofNullable(entry.lastScheduledFor())
            .flatMap(at -> runs.findRun(RunId.of(job.id(), at)));
    Instant nextCheck = now.plus(settings.streamingCheckEvery());
    if (current.isPresent() && isLive(current.get())) {
      boolean calm =
          current.get().timings().created().isBefore(now.minus(settings.restartLoopPeriod()));
      schedule.updateEntry(entry.dueAt(nextCheck).withAlert(calm ? null : entry.alert()));
      return;
    }
    int restarts = current.isPresent() ? recentIncarnations(job, now) : 0;
    if (current.isPresent()) {
      JobRun stopped = current.get();
      Instant stoppedAt =
          stopped.timings().finished() != null ? stopped.timings().finished() : stopped.updatedAt();
      Instant restartAt = stoppedAt.plus(job.retry().backoffBefore(restarts));
      if (restartAt.isAfter(entry.nextDueAt())) {
        schedule.updateEntry(entry.dueAt(restartAt)); // come back when the backoff has passed
        return;
      }
    }
    // The due time both replicas read, to the second (run ids have second precision).
    Instant start = entry.nextDueAt().truncatedTo(ChronoUnit.SECONDS);
    var outcome =
        journal.create(
            JobRun.scheduled(job.id(), start, InputWindow.NONE, now),
            current
                .map(stopped -> "restarted from its checkpoint after " + stopped.id() + " stopped")
                .orElse("streaming job started"));
    if (outcome.created()) {
      report.created();
    }
    Instant next = nextCheck.isAfter(start) ? nextCheck : start.plusSeconds(1);
    ScheduleEntry advanced = entry.advanced(next, start, "");
    if (restarts < settings.restartLoopRestarts()) {
      schedule.updateEntry(advanced);
      return;
    }
    String note =
        "restart loop: "
            + restarts
            + " restarts within "
            + settings.restartLoopPeriod()
            + "; last stop: "
            + current.map(r -> r.failures().message()).orElse("unknown");
    ScheduleEntry stored = schedule.updateEntry(advanced.withAlert(note));
    if (entry.alert() == null || !entry.alert().startsWith("restart loop")) {
      audit.record(
          "job.restart-loop",
          EntityKind.JOB,
          job.id().value(),
          job.version(),
          now,
          entry,
          stored,
          new Attribution("scheduler", note));
    }
  }

  private static boolean isLive(JobRun run) {
    return run.state() == RunState.SCHEDULED
        || run.state() == RunState.SUBMITTED
        || run.state() == RunState.RUNNING;
  }

  /** Incarnations started within the loop period: each has stopped, since a new one is due. */
  private int recentIncarnations(Job job, Instant now) {
    Instant since = now.minus(settings.restartLoopPeriod());
    return (int)
        runs
            .findRuns(
                RunQuery.byJob(job.id()), PageRequest.first(settings.restartLoopRestarts() + 1))
            .items()
            .stream()
            .filter(r -> !r.scheduledFor().isBefore(since))
            .count();
  }
}
