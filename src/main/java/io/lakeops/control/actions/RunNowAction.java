package io.lakeops.control.actions;

import io.lakeops.control.audit.Attribution;
import io.lakeops.control.audit.AuditTrail;
import io.lakeops.control.scheduling.ScheduleEntries;
import io.lakeops.control.scheduling.WindowChain;
import io.lakeops.domain.Job;
import io.lakeops.domain.JobId;
import io.lakeops.domain.JobKind;
import io.lakeops.domain.JobRun;
import io.lakeops.domain.RunState;
import io.lakeops.ports.JobStore;
import io.lakeops.ports.NotFoundException;
import io.lakeops.ports.RunStore;
import io.lakeops.ports.ScheduleEntry;
import io.lakeops.ports.ScheduleStore;
import io.lakeops.ports.VersionConflictException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * An operator's "run now" of an extraction job: one run, now, whose window continues the job's
 * chain of windows, so it neither overlaps the last window handed out nor leaves a gap, and the
 * next scheduled window starts where it ends. Streaming jobs go to {@link StreamingWake}.
 *
 * <p>The run is created first and the due-index entry advanced second, conditionally. Should the
 * entry have moved between the two, a changed due time (a definition change) is taken over and the
 * advance repeated; a changed chain (another run now at the same moment) means the new run would
 * overlap, so it is withdrawn (cancelled before it is dispatched) and the action refused. A run now
 * is refused while a scheduled window is due or about to be, so that it never races the scheduler's
 * tick for the same window; see docs/scheduler.md.
 */
public final class RunNowAction {
  /** How close a scheduled window may be before a run now leaves it to the scheduler. */
  static final Duration TICK_MARGIN = Duration.ofSeconds(5);

  private static final int ATTEMPTS = 5;

  private final JobStore jobs;
  private final RunStore runs;
  private final ScheduleStore schedule;
  private final ScheduleEntries entries;
  private final WindowChain chain;
  private final StreamingWake streaming;
  private final AuditTrail audit;
  private final Clock clock;

  /** What a run now started: the new run, or none for a streaming job the scheduler will start. */
  public record Started(JobId job, JobRun run, String message) {}

  public RunNowAction(
      JobStore jobs, RunStore runs, ScheduleStore schedule, AuditTrail audit, Clock clock) {
    this.jobs = jobs;
    this.runs = runs;
    this.schedule = schedule;
    this.entries = new ScheduleEntries(schedule, runs);
    this.chain = new WindowChain(runs);
    this.streaming = new StreamingWake(runs, schedule, entries, audit);
    this.audit = audit;
    this.clock = clock;
  }

  public Started runNow(JobId id, Attribution by) {
    Job job = jobs.findJob(id).orElseThrow(() -> new NotFoundException("job", id.value()));
    if (job.paused()) {
      throw new ActionRefusedException("job " + id + " is paused; resume it first");
    }
    Instant now = clock.instant();
    return job.kind() == JobKind.STREAMING ? streaming.wake(job, now, by) : extract(job, now, by);
  }

  private Started extract(Job job, Instant now, Attribution by) {
    Instant at = now.truncatedTo(ChronoUnit.SECONDS); // run ids have second precision
    ScheduleEntry entry = schedule.findEntry(job.id()).orElseGet(() -> entries.reconcile(job, now));
    if (entry.nextDueAt() != null && !entry.nextDueAt().isAfter(now.plus(TICK_MARGIN))) {
      throw new ActionRefusedException(
          "a scheduled window of job "
              + job.id()
              + " is due at "
              + entry.nextDueAt()
              + "; the scheduler starts it at its next tick");
    }
    Instant last = entry.lastScheduledFor();
    if (last != null && !at.isAfter(last)) {
      throw new ActionRefusedException(
          "a window up to " + last + " was handed out already; try again in a second");
    }
    String low =
        chain
            .lowAfter(job, last, entry.watermark())
            .orElseThrow(
                () ->
                    new ActionRefusedException(
                        "the previous window is still open: the run scheduled for "
                            + last
                            + " has no fixed high yet; run now once it has been submitted"));
    var created =
        runs.createRunIfAbsent(
            JobRun.scheduled(job.id(), at, WindowChain.window(job, low, at), now));
    if (!created.created()) {
      throw new ActionRefusedException(
          "run " + created.value().id() + " exists already; try again in a second");
    }
    JobRun run = created.value();
    audit.run("run.run-now", null, run, by);
    advance(job, entry, run, now, by);
    return new Started(job.id(), run, "run " + run.id() + " scheduled now, window " + run.window());
  }

  /** Hands the run's window out in the entry; the next scheduled window starts at its high. */
  private void advance(Job job, ScheduleEntry read, JobRun run, Instant now, Attribution by) {
    ScheduleEntry entry = read;
    for (int attempt = 1; ; attempt++) {
      try {
        schedule.updateEntry(
            entry.advanced(nextDue(job, entry, run), run.scheduledFor(), run.window().high()));
        return;
      } catch (VersionConflictException | NotFoundException raced) {
        ScheduleEntry again = schedule.findEntry(job.id()).orElse(null);
        if (again == null || chainMoved(read, again) || attempt == ATTEMPTS) {
          withdraw(run, now, by);
          throw new ActionRefusedException(
              "the schedule of job "
                  + job.id()
                  + " changed at the same moment (another window was handed out); nothing was"
                  + " started, try again");
        }
        entry = again; // only its due time changed (the definition did): keep that
      }
    }
  }

  /** The entry's due time, unless it would come before the run now's window ends. */
  private static Instant nextDue(Job job, ScheduleEntry entry, JobRun run) {
    Instant due = entry.nextDueAt();
    return due == null || due.isAfter(run.scheduledFor())
        ? due
        : job.schedule().nextAfter(run.scheduledFor());
  }

  private static boolean chainMoved(ScheduleEntry read, ScheduleEntry now) {
    return !Objects.equals(read.lastScheduledFor(), now.lastScheduledFor())
        || !read.watermark().equals(now.watermark());
  }

  /** Cancels a just-created run whose window turned out to overlap another's. */
  private void withdraw(JobRun run, Instant now, Attribution by) {
    JobRun stored;
    try {
      stored = runs.updateRun(run.moveTo(RunState.CANCELLED, now));
    } catch (VersionConflictException dispatched) {
      throw new ActionRefusedException(
          "run "
              + run.id()
              + " overlaps a window handed out at the same moment and was dispatched before it"
              + " could be withdrawn; cancel it");
    }
    audit.run(
        "run.cancel",
        run,
        stored,
        new Attribution(by.actor(), "withdrawn: another window was handed out at the same moment"));
  }
}
