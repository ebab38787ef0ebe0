package io.lakeops.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a cluster: {@code REQUESTED → STARTING → READY → DRAINING → TERMINATING →
 * TERMINATED}, and {@code FAILED} when it dies unexpectedly (spot loss, bootstrap failure, Livy
 * unreachable).
 */
public enum ClusterState {
  REQUESTED(StateClass.INTERMEDIATE),
  STARTING(StateClass.INTERMEDIATE),
  READY(StateClass.INTERMEDIATE),
  DRAINING(StateClass.INTERMEDIATE),
  TERMINATING(StateClass.INTERMEDIATE),
  TERMINATED(StateClass.SUCCESS),
  FAILED(StateClass.FAILURE);

  private final StateClass stateClass;

  ClusterState(StateClass stateClass) {
    this.stateClass = stateClass;
  }

  public StateClass stateClass() {
    return stateClass;
  }

  public boolean isTerminal() {
    return this == TERMINATED || this == FAILED;
  }

  /** Whether new runs may be placed on a cluster in this state. */
  public boolean acceptsRuns() {
    return this == READY;
  }

  public Set<ClusterState> next() {
    return switch (this) {
      case REQUESTED -> EnumSet.of(STARTING, TERMINATING, FAILED);
      case STARTING -> EnumSet.of(READY, TERMINATING, FAILED);
      case READY -> EnumSet.of(DRAINING, TERMINATING, FAILED);
      case DRAINING -> EnumSet.of(TERMINATING, FAILED);
      case TERMINATING -> EnumSet.of(TERMINATED, FAILED);
      case TERMINATED, FAILED -> EnumSet.noneOf(ClusterState.class);
    };
  }

  public boolean canMoveTo(ClusterState target) {
    return next().contains(target);
  }
}
