package io.lakeops.control.scheduling;

/**
 * A step of the leader's pass (or one job within the tick) that failed, with its cause kept whole
 * so the log shows the stack trace and not only a message (a NullPointerException has none).
 *
 * @param step the step's name, or the job the tick could not handle
 * @param cause what was thrown
 */
public record StepFailure(String step, RuntimeException cause) {

  /** One line for the audit log, the metrics and the tests: the step and the cause. */
  public String describe() {
    String message = cause.getMessage();
    return step + ": " + (message == null ? cause.getClass().getName() : message);
  }

  @Override
  public String toString() {
    return describe();
  }
}
