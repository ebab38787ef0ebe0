package io.lakeops.ports;

/** The endpoint refused the request itself (a client error): retrying it unchanged cannot help. */
public class SubmissionRejectedException extends RuntimeException {
  public SubmissionRejectedException(String message) {
    super(message);
  }
}
