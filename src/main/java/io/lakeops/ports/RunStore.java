package io.lakeops.ports;

import io.lakeops.domain.ClusterId;
import io.lakeops.domain.JobRun;
import io.lakeops.domain.RunId;
import java.util.Optional;

/** Runs, each written with a conditional write on its version. */
public interface RunStore {

  /**
   * Stores {@code run} at version 1 unless a run with its id exists. Either way the stored run
   * comes back, with {@code created} saying which: creating the same run twice is a no-op.
   */
  Created<JobRun> createRunIfAbsent(JobRun run);

  Optional<JobRun> findRun(RunId id);

  /**
   * Replaces a run whose stored version is {@code run.version()}; see {@link JobStore#updateJob}.
   */
  JobRun updateRun(JobRun run);

  /** Runs matching {@code query}, newest (by scheduled window) first. */
  Page<JobRun> findRuns(RunQuery query, PageRequest page);

  /**
   * Runs that still hold a place on {@code cluster} (submitted or running): what a failover moves.
   */
  Page<JobRun> findRunsOccupying(ClusterId cluster, PageRequest page);

  /** The outcome of a create-if-absent. */
  record Created<T>(T value, boolean created) {}
}
