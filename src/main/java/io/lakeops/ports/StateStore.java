package io.lakeops.ports;

/**
 * The shared source of truth for job state: DynamoDB in production, H2 in the embedded default.
 * Every update is a conditional write on a version number, so two console replicas or an external
 * writer can never both act on the same record.
 */
public interface StateStore extends JobStore, RunStore, ClusterStore, LeaseStore, ChangeFeed {

  /** Whether the store answers; used by the readiness check. */
  boolean isReachable();
}
