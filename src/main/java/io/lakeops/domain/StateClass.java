package io.lakeops.domain;

/** How a state is classified, as in the remote-state sets of Airflow's EMR hooks. */
public enum StateClass {
  /** Work is under way; a poll will see it move on. */
  INTERMEDIATE,
  /** Finished as intended. */
  SUCCESS,
  /** Finished, not as intended. */
  FAILURE
}
