package io.lakeops.ports;

import java.util.Optional;

/**
 * Submits Spark applications to a cluster and follows them: Livy batches on EMR and on local
 * clusters. Submissions are named after the run attempt, so after a console restart a run
 * re-attaches to its submission instead of submitting again.
 *
 * <p>Failures are classified: {@link SubmitterUnavailableException} means the cluster's endpoint
 * could not be reached or answered with a server error (retryable, an infrastructure failure);
 * {@link SubmissionRejectedException} means the request itself was refused (fatal for that
 * attempt).
 */
public interface SparkSubmitter {

  /** Submits {@code request} to the cluster at {@code endpoint}; returns the submission's id. */
  Submission submit(String endpoint, SubmitRequest request);

  /** The submission's current state; {@code UNKNOWN} when the endpoint no longer knows it. */
  SubmissionStatus status(String endpoint, String submissionId);

  /** A submission of the given name that the endpoint still knows, for re-attaching. */
  Optional<Submission> findByName(String endpoint, String name);

  /** Lines {@code from} (0-based) to {@code from + size} of the submission's log. */
  LogPage log(String endpoint, String submissionId, int from, int size);

  /**
   * Whether the cluster's endpoint answers now: one quick call, not retried, for the reconciler's
   * health check of READY clusters.
   */
  boolean answers(String endpoint);

  /** Stops the submission; a no-op when it is finished or unknown. */
  void kill(String endpoint, String submissionId);
}
