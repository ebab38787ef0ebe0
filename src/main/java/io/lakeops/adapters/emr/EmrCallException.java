package io.lakeops.adapters.emr;

/**
 * A call to EMR that did not succeed, in words an operator can act on. {@link #retryable()} says
 * whether trying again later may help (EMR's side, the network, throttling beyond the retries) or
 * not (EMR refused the request as invalid: fix the configuration).
 */
public final class EmrCallException extends RuntimeException {
  private final boolean retryable;

  EmrCallException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  public boolean retryable() {
    return retryable;
  }
}
