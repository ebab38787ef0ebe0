package io.lakeops.control.scheduling;

import io.lakeops.domain.Job;
import io.lakeops.domain.JobId;
import io.lakeops.domain.JobKind;
import io.lakeops.domain.JobRun;
import io.lakeops.ports.AlreadyExistsException;
import io.lakeops.ports.NotFoundException;
import io.lakeops.ports.PageRequest;
import io.lakeops.ports.RunQuery;
import io.lakeops.ports.RunStore;
import io.lakeops.ports.ScheduleEntry;
import io.lakeops.ports.ScheduleStore;
import io.lakeops.ports.VersionConflictException;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps a job's due-index entry in step with its definition: created with the job, parked while it
 * is paused, due again on resume, removed with it. Every write is conditional; on a conflict the
 * entry is read again and the decision taken again, so a racing scheduler tick is never undone.
 */
public final class ScheduleEntries {
  private static final int ATTEMPTS = 5;

  private final ScheduleStore store;
  private final RunStore runs;

  public ScheduleEntries(ScheduleStore store, RunStore runs) {
    this.store = store;
    this.runs = runs;
  }

  /** Makes the entry of {@code job} match its definition as of {@code now}. */
  public ScheduleEntry reconcile(Job job, Instant now) {
    for (int attempt = 1; ; attempt++) {
      try {
        Optional<ScheduleEntry> current = store.findEntry(job.id());
        if (current.isEmpty()) {
          return store.createEntry(seeded(job, now));
        }
        ScheduleEntry entry = current.get();
        ScheduleEntry wanted = entry.dueAt(dueAt(job, entry, now));
        return wanted.equals(entry) ? entry : store.updateEntry(wanted);
      } catch (AlreadyExistsException | VersionConflictException | NotFoundException raced) {
        if (attempt == ATTEMPTS) {
          throw raced;
        }
      }
    }
  }

  /** Removes the entry of a deleted job; a no-op when there is none. */
  public void remove(JobId job) {
    for (int attempt = 1; ; attempt++) {
      Optional<ScheduleEntry> current = store.findEntry(job);
      if (current.isEmpty()) {
        return;
      }
      try {
        store.deleteEntry(job, current.get().version());
        return;
      } catch (NotFoundException gone) {
        return;
      } catch (VersionConflictException raced) {
        if (attempt == ATTEMPTS) {
          throw raced;
        }
      }
    }
  }

  /**
   * A first entry. A job that already has runs (its entry was lost, or it predates the index)
   * continues the chain of its newest run rather than starting a full load again.
   */
  private ScheduleEntry seeded(Job job, Instant now) {
    ScheduleEntry fresh = ScheduleEntry.first(job.id(), null);
    Optional<JobRun> newest =
        runs.findRuns(RunQuery.byJob(job.id()), PageRequest.first(1)).items().stream().findFirst();
    if (newest.isPresent()) {
      JobRun run = newest.get();
      fresh = fresh.advanced(null, run.scheduledFor(), run.window().high());
    }
    return fresh.dueAt(dueAt(job, fresh, now));
  }

  /** When the entry should next be due: null while paused. */
  static Instant dueAt(Job job, ScheduleEntry entry, Instant now) {
    if (job.paused()) {
      return null;
    }
    if (job.kind() == JobKind.STREAMING) {
      // The keeper decides its own next look; a new or resumed streaming job is due at once.
      return entry.isParked() ? now : entry.nextDueAt();
    }
    if (entry.isParked()) {
      // Firings while paused are not caught up; the watermark chain still covers their rows.
      Instant from = entry.lastScheduledFor();
      return job.schedule().nextAfter(from != null && from.isAfter(now) ? from : now);
    }
    // Unchanged schedule: the same instant again. Changed: the new schedule's next firing after
    // the last window handed out (or after now, or just before a due time not yet handled), so
    // no window is jumped over.
    Instant pending = entry.nextDueAt().minusMillis(1);
    Instant from =
        entry.lastScheduledFor() != null
            ? entry.lastScheduledFor()
            : pending.isBefore(now) ? pending : now;
    return job.schedule().nextAfter(from);
  }
}
