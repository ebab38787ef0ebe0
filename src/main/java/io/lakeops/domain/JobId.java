package io.lakeops.domain;

/** The id of a job definition, chosen by its author from a safe alphabet. */
public record JobId(String value) {
  public JobId {
    Identifiers.requireSafeId("job id", value);
  }

  @Override
  public String toString() {
    return value;
  }
}
