package io.lakeops.control.scheduling;

import io.lakeops.domain.Job;
import io.lakeops.ports.Change;
import io.lakeops.ports.ChangeFeed;
import io.lakeops.ports.EntityKind;
import io.lakeops.ports.JobStore;
import io.lakeops.ports.Page;
import io.lakeops.ports.PageRequest;
import java.time.Instant;
import java.util.Optional;

/**
 * Repairs due-index entries that the definition service could not keep in step: a crash between the
 * job write and the entry write, or a job written straight into the store by another writer. A
 * missing entry is never due, so the scheduler alone cannot notice it; this pass looks from the job
 * side instead. {@link #changedSince} follows the job change feed (cheap, every few minutes);
 * {@link #sweepAll} reads every definition (at start, and rarely after).
 */
public final class ScheduleRepair {
  private static final int PAGE = 200;

  private final JobStore jobs;
  private final ChangeFeed changes;
  private final ScheduleEntries entries;

  public ScheduleRepair(JobStore jobs, ChangeFeed changes, ScheduleEntries entries) {
    this.jobs = jobs;
    this.changes = changes;
    this.entries = entries;
  }

  /** Reconciles the entries of jobs changed at or after {@code since}; returns how many. */
  public int changedSince(Instant since, Instant now) {
    int seen = 0;
    Optional<String> cursor = Optional.empty();
    do {
      Page<Change> page =
          changes.changesSince(EntityKind.JOB, since, new PageRequest(PAGE, cursor));
      for (Change change : page.items()) {
        // The feed holds the job as it stands now; a deleted job is not in it, and its entry
        // removes itself when it comes due (the scheduler finds no job).
        entries.reconcile((Job) change.entity(), now);
        seen++;
      }
      cursor = page.next();
    } while (cursor.isPresent());
    return seen;
  }

  /** Reconciles the entry of every job definition; returns how many. */
  public int sweepAll(Instant now) {
    int seen = 0;
    Optional<String> cursor = Optional.empty();
    do {
      Page<Job> page = jobs.listJobs(new PageRequest(PAGE, cursor));
      for (Job job : page.items()) {
        entries.reconcile(job, now);
        seen++;
      }
      cursor = page.next();
    } while (cursor.isPresent());
    return seen;
  }
}
