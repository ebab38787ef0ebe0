package io.lakeops.ports;

/**
 * A job's source database could not be reached or did not answer in time: retryable, an
 * infrastructure failure of the attempt that needed it.
 */
public class SourceUnavailableException extends RuntimeException {
  public SourceUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
