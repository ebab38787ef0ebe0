package io.lakeops.ports;

import io.lakeops.domain.StateClass;

/**
 * Lakeops' view of a submission's state; adapters map their remote vocabulary to it in one place.
 */
public enum SubmissionState {
  /** Accepted, waiting for resources or starting. */
  STARTING(StateClass.INTERMEDIATE),
  RUNNING(StateClass.INTERMEDIATE),
  SUCCEEDED(StateClass.SUCCESS),
  /** The application ended with an error (non-zero exit). */
  FAILED(StateClass.FAILURE),
  /** Stopped on request. */
  KILLED(StateClass.FAILURE),
  /** The endpoint does not know the submission (it forgot it, or restarted). */
  UNKNOWN(StateClass.FAILURE);

  private final StateClass stateClass;

  SubmissionState(StateClass stateClass) {
    this.stateClass = stateClass;
  }

  public StateClass stateClass() {
    return stateClass;
  }

  public boolean isFinished() {
    return stateClass != StateClass.INTERMEDIATE;
  }
}
