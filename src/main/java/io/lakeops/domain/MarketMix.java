package io.lakeops.domain;

/** How many of a cluster's instances run on spot and how many on demand. */
public record MarketMix(int spotInstances, int onDemandInstances) {
  public static final MarketMix UNKNOWN = new MarketMix(0, 0);
}
