package io.lakeops.control.actions;

import io.lakeops.control.audit.Attribution;
import io.lakeops.control.audit.AuditTrail;
import io.lakeops.domain.Job;
import io.lakeops.domain.JobKind;
import io.lakeops.domain.JobRun;
import io.lakeops.domain.RunId;
import io.lakeops.ports.JobStore;
import io.lakeops.ports.RunStore;
import java.time.Clock;

/**
 * An operator's re-run of a finished run: a new attempt over the same window, so it rewrites the
 * same output batch, with fresh retry budgets. One conditional write; a run that changed since it
 * was read is a conflict, not a guess.
 */
public final class RerunAction {
  private final JobStore jobs;
  private final RunStore runs;
  private final AuditTrail audit;
  private final Clock clock;

  public RerunAction(JobStore jobs, RunStore runs, AuditTrail audit, Clock clock) {
    this.jobs = jobs;
    this.runs = runs;
    this.audit = audit;
    this.clock = clock;
  }

  public JobRun rerun(RunId id, Attribution by) {
    JobRun current = RunActions.find(runs, id);
    if (!current.state().isFinished()) {
      throw RunActions.refused(
          current, "a finished run (succeeded, failed, lost or cancelled) can be re-run");
    }
    Job job =
        jobs.findJob(current.jobId())
            .orElseThrow(
                () ->
                    new ActionRefusedException(
                        "job "
                            + current.jobId()
                            + " no longer exists, so its runs cannot be re-run"));
    if (job.kind() == JobKind.STREAMING) {
      // A second attempt beside the keeper's next incarnation would run the query twice.
      throw new ActionRefusedException(
          "streaming runs are restarted by the scheduler, not re-run; use Run now on job "
              + job.id());
    }
    if (job.paused()) {
      // A paused job launches nothing (see RunDispatcher): the re-run would only wait.
      throw new ActionRefusedException("job " + job.id() + " is paused; resume it first");
    }
    JobRun stored = runs.updateRun(current.rerun(clock.instant()));
    audit.run("run.rerun", current, stored, by);
    return stored;
  }
}
