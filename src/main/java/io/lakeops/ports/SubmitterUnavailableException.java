package io.lakeops.ports;

/** The cluster's submission endpoint could not be reached or failed: retryable, infrastructure. */
public class SubmitterUnavailableException extends RuntimeException {
  public SubmitterUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
