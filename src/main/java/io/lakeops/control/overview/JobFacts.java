package io.lakeops.control.overview;

import io.lakeops.domain.Freshness;
import io.lakeops.domain.Job;
import io.lakeops.domain.JobRun;
import io.lakeops.ports.StreamingProgress;
import java.util.List;
import java.util.Optional;

/**
 * What the dashboard knows of one job: its latest runs, its latest succeeded run, its table's
 * freshness (extractions) and its published progress (streaming jobs).
 *
 * @param recentRuns the job's runs among the installation's newest ones, newest first, at most
 *     {@link LakeOverview#RUNS_PER_JOB}
 */
public record JobFacts(
    Job job,
    List<JobRun> recentRuns,
    Optional<JobRun> lastSucceeded,
    Optional<Freshness> freshness,
    Optional<StreamingProgress.Report> progress) {
  public JobFacts {
    recentRuns = List.copyOf(recentRuns);
  }

  public Optional<JobRun> lastRun() {
    return recentRuns.stream().findFirst();
  }
}
