package io.lakeops.domain;

/**
 * The rows a run reads: watermark values in {@code [low, high)}. Fixed when the run is created, so
 * every attempt reads the same rows and overwrites the same output batch. Values are kept in their
 * text form (an ISO-8601 instant or a decimal id), as the job receives them.
 */
public record InputWindow(String low, String high) {
  public static final InputWindow NONE = new InputWindow("", "");
}
