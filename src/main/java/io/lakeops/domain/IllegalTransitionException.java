package io.lakeops.domain;

/** A state change that the state machine does not allow. */
public class IllegalTransitionException extends IllegalStateException {
  public IllegalTransitionException(String entity, Enum<?> from, Enum<?> to) {
    super(entity + " cannot go from " + from + " to " + to);
  }
}
