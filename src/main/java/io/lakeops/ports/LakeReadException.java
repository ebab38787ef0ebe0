package io.lakeops.ports;

/** An object of the lake that exists, or may, but could not be read; the message names it. */
public class LakeReadException extends RuntimeException {

  public LakeReadException(String message, Throwable cause) {
    super(message, cause);
  }
}
