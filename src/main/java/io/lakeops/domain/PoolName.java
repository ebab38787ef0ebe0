package io.lakeops.domain;

/** The name of a pool of clusters of one size class. */
public record PoolName(String value) {
  public PoolName {
    Identifiers.requireSafeId("pool name", value);
  }

  @Override
  public String toString() {
    return value;
  }
}
