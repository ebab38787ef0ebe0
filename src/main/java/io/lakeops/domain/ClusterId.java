package io.lakeops.domain;

/**
 * Lakeops' own id of a cluster; the provider's id (an EMR job-flow id, a pid) is kept beside it.
 */
public record ClusterId(String value) {
  public ClusterId {
    Identifiers.requireSafeId("cluster id", value);
  }

  @Override
  public String toString() {
    return value;
  }
}
