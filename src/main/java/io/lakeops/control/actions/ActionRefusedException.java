package io.lakeops.control.actions;

/**
 * An operator's action that the record's current state does not allow (re-running a run that is
 * still running, running a paused job now); nothing was changed. The message says why, in words an
 * operator can act on.
 */
public class ActionRefusedException extends RuntimeException {
  public ActionRefusedException(String message) {
    super(message);
  }
}
