package io.lakeops.control.runs;

import io.lakeops.control.audit.Attribution;
import io.lakeops.control.audit.AuditTrail;
import io.lakeops.domain.JobRun;
import io.lakeops.domain.RunState;
import io.lakeops.ports.RunStore;
import io.lakeops.ports.RunStore.Created;
import java.util.Locale;

/**
 * The scheduler's own writes to runs, each recorded in the audit log as the scheduler's with the
 * reason for it (which window came due, which batch it was submitted as, why an attempt failed and
 * whether it is retried). A run's timeline thus says who moved it and why; unrecorded, the audit
 * mirror would show these changes as made behind the console's back.
 */
public final class RunJournal {
  /** The actor of the scheduler's changes in the audit log. */
  public static final String SCHEDULER = "scheduler";

  private static final int MAX_REASON = 500;

  private final RunStore runs;
  private final AuditTrail audit;

  public RunJournal(RunStore runs, AuditTrail audit) {
    this.runs = runs;
    this.audit = audit;
  }

  /**
   * Creates {@code proposed} unless its run exists; records the creation when this call made it.
   */
  public Created<JobRun> create(JobRun proposed, String why) {
    Created<JobRun> outcome = runs.createRunIfAbsent(proposed);
    if (outcome.created()) {
      record("run.create", null, outcome.value(), why);
    }
    return outcome;
  }

  /** Writes {@code next} over {@code before} (conditional on its version) and records it. */
  public JobRun update(JobRun before, JobRun next, String why) {
    JobRun stored = runs.updateRun(next);
    record(action(before, stored), before, stored, why);
    return stored;
  }

  private void record(String action, JobRun before, JobRun after, String why) {
    String reason = why.length() > MAX_REASON ? why.substring(0, MAX_REASON - 1) + "…" : why;
    audit.run(action, before, after, new Attribution(SCHEDULER, reason));
  }

  /** {@code run.retry} for a new attempt, otherwise {@code run.<state it reached>}. */
  private static String action(JobRun before, JobRun after) {
    if (after.attempt() > before.attempt() && after.state() == RunState.SCHEDULED) {
      return "run.retry";
    }
    return "run." + after.state().name().toLowerCase(Locale.ROOT);
  }
}
