package io.lakeops.ports;

import io.lakeops.domain.JobRun;
import io.lakeops.domain.RunResult;
import java.util.Optional;

/**
 * The result manifests jobs write beside their output (in S3, or the local lake folder): how an
 * attempt ended, read back when the cluster no longer knows (Livy forgot the batch) and for the
 * figures of a successful run. Defined here; implemented with the lake storage adapter.
 */
public interface RunResults {

  /** The manifest of {@code run}'s current attempt, if the job wrote one. */
  Optional<Manifest> find(JobRun run);

  /**
   * What a manifest says.
   *
   * @param succeeded whether the job finished its work
   * @param message the job's reason when it did not (a failed check, a dropped column)
   * @param result the figures, data-quality report and schema change
   */
  record Manifest(boolean succeeded, String message, RunResult result) {}
}
