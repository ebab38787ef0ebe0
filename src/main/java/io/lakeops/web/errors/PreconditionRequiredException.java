package io.lakeops.web.errors;

/** A change of a versioned record that does not say which version it changes; answered with 428. */
public class PreconditionRequiredException extends RuntimeException {
  public PreconditionRequiredException(String message) {
    super(message);
  }
}
