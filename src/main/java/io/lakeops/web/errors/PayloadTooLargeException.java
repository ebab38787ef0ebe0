package io.lakeops.web.errors;

/** A request body above the console's limit; answered with 413. */
public class PayloadTooLargeException extends RuntimeException {
  public PayloadTooLargeException(long limit) {
    super("request body must be at most " + limit + " bytes");
  }
}
