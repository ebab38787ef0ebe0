package io.lakeops.ports;

/** The kinds of state record the store keeps and the audit mirror follows. */
public enum EntityKind {
  JOB,
  RUN,
  CLUSTER
}
