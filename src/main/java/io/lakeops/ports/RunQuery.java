package io.lakeops.ports;

import io.lakeops.domain.ClusterId;
import io.lakeops.domain.JobId;
import io.lakeops.domain.RunState;
import java.util.Optional;

/** Filters for listing runs; any combination, none meaning all runs, newest first. */
public record RunQuery(Optional<RunState> state, Optional<JobId> job, Optional<ClusterId> cluster) {
  public static final RunQuery ALL =
      new RunQuery(Optional.empty(), Optional.empty(), Optional.empty());

  public RunQuery {
    state = state == null ? Optional.empty() : state;
    job = job == null ? Optional.empty() : job;
    cluster = cluster == null ? Optional.empty() : cluster;
  }

  public static RunQuery byState(RunState state) {
    return new RunQuery(Optional.of(state), Optional.empty(), Optional.empty());
  }

  public static RunQuery byJob(JobId job) {
    return new RunQuery(Optional.empty(), Optional.of(job), Optional.empty());
  }

  public static RunQuery byCluster(ClusterId cluster) {
    return new RunQuery(Optional.empty(), Optional.empty(), Optional.of(cluster));
  }

  public boolean matches(io.lakeops.domain.JobRun run) {
    return state.map(s -> s == run.state()).orElse(true)
        && job.map(j -> j.equals(run.jobId())).orElse(true)
        && cluster.map(c -> c.equals(run.cluster())).orElse(true);
  }
}
