package io.lakeops.domain;

/** Why an attempt failed; each kind counts against a retry budget. */
public enum FailureKind {
  /** The cluster, Livy or the network failed: the job itself may be fine. */
  INFRASTRUCTURE,
  /** The job ran and failed: non-zero exit, data-quality or schema check. */
  JOB,
  /**
   * The attempt's cluster died or was rotated away. It counts against the infrastructure budget,
   * but the next attempt goes to another cluster at once: waiting would not bring the old one back.
   */
  CLUSTER_LOST;

  /** Whether a failure of this kind uses up the infrastructure budget. */
  public boolean countsAsInfrastructure() {
    return this != JOB;
  }
}
