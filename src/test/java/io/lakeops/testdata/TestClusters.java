package io.lakeops.testdata;

import io.lakeops.domain.Cluster;
import io.lakeops.domain.ClusterId;
import io.lakeops.domain.ClusterState;
import io.lakeops.domain.MarketMix;
import io.lakeops.domain.PoolName;
import java.time.Instant;

/** Test clusters with sensible defaults: a requested cluster of pool {@code small}. */
public final class TestClusters {
  private String id = "small-1";
  private String pool = "small";
  private Instant at = Instant.parse("2026-11-26T11:00:00Z");

  public static TestClusters aCluster() {
    return new TestClusters();
  }

  public TestClusters id(String value) {
    this.id = value;
    return this;
  }

  public TestClusters pool(String value) {
    this.pool = value;
    return this;
  }

  public TestClusters requestedAt(Instant value) {
    this.at = value;
    return this;
  }

  /** The cluster READY at {@code endpoint}, as the provider reports it once Livy answers. */
  public Cluster ready(String endpoint) {
    return build()
        .launched("local-" + id, at)
        .observed(ClusterState.READY, endpoint, MarketMix.UNKNOWN, "ready", at);
  }

  public Cluster build() {
    return Cluster.requested(new ClusterId(id), new PoolName(pool), at);
  }
}
