package io.lakeops.domain;

/** Why an attempt failed; each kind has its own retry budget. */
public enum FailureKind {
  /** The cluster, Livy or the network failed: the job itself may be fine. */
  INFRASTRUCTURE,
  /** The job ran and failed: non-zero exit, data-quality or schema check. */
  JOB
}
