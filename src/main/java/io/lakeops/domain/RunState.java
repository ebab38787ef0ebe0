package io.lakeops.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a run: {@code SCHEDULED → SUBMITTED → RUNNING → SUCCEEDED | FAILED}. {@code LOST}
 * means its cluster died or was rotated away; it leads to a new attempt. A finished run goes back
 * to {@code SCHEDULED} only for a retry or an operator's re-run, which starts a new attempt over
 * the same window.
 */
public enum RunState {
  SCHEDULED(StateClass.INTERMEDIATE),
  SUBMITTED(StateClass.INTERMEDIATE),
  RUNNING(StateClass.INTERMEDIATE),
  SUCCEEDED(StateClass.SUCCESS),
  FAILED(StateClass.FAILURE),
  LOST(StateClass.FAILURE),
  CANCELLED(StateClass.FAILURE);

  private final StateClass stateClass;

  RunState(StateClass stateClass) {
    this.stateClass = stateClass;
  }

  public StateClass stateClass() {
    return stateClass;
  }

  /** Whether no further progress happens without a new attempt. */
  public boolean isFinished() {
    return stateClass != StateClass.INTERMEDIATE;
  }

  /** Whether the run still needs work: it has not succeeded, failed for good or been cancelled. */
  public boolean isUnfinished() {
    return this == SCHEDULED || this == SUBMITTED || this == RUNNING || this == LOST;
  }

  /** Whether the run holds a place on a cluster, so that a dead cluster's runs must move. */
  public boolean occupiesCluster() {
    return this == SUBMITTED || this == RUNNING;
  }

  public Set<RunState> next() {
    return switch (this) {
      case SCHEDULED -> EnumSet.of(SUBMITTED, CANCELLED, FAILED);
      case SUBMITTED -> EnumSet.of(RUNNING, SUCCEEDED, FAILED, LOST, CANCELLED);
      case RUNNING -> EnumSet.of(SUCCEEDED, FAILED, LOST, CANCELLED);
      case LOST, FAILED, SUCCEEDED, CANCELLED -> EnumSet.of(SCHEDULED);
    };
  }

  public boolean canMoveTo(RunState target) {
    return next().contains(target);
  }
}
