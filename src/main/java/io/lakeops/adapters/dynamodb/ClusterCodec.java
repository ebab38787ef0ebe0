package io.lakeops.adapters.dynamodb;

import static io.lakeops.adapters.dynamodb.Attr.instant;
import static io.lakeops.adapters.dynamodb.Attr.optionalString;
import static io.lakeops.adapters.dynamodb.Attr.string;

import io.lakeops.domain.Cluster;
import io.lakeops.domain.ClusterDeath;
import io.lakeops.domain.ClusterId;
import io.lakeops.domain.ClusterState;
import io.lakeops.domain.MarketMix;
import io.lakeops.domain.PoolName;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Clusters as items of the clusters table. */
final class ClusterCodec implements ItemCodec<Cluster> {
  /** The one partition of the sparse live-clusters index. */
  static final String LIVE_VALUE = "live";

  @Override
  public String entity() {
    return "cluster";
  }

  @Override
  public String id(Cluster value) {
    return value.id().value();
  }

  @Override
  public long version(Cluster value) {
    return value.version();
  }

  @Override
  public Instant changedAt(Cluster value) {
    return value.updatedAt();
  }

  @Override
  public Cluster stamped(Cluster value, long version, Instant at) {
    return value.stored(version, at);
  }

  @Override
  public ItemWrite encode(Cluster cluster) {
    return new ItemWrite()
        .string(Schema.ID, cluster.id().value())
        .string("pool", cluster.pool().value())
        .string("providerId", cluster.providerId())
        .string("state", cluster.state().name())
        // Sparse: terminated and failed clusters drop out of the live index.
        .string(Schema.LIVE, cluster.state().isTerminal() ? null : LIVE_VALUE)
        .string("endpoint", cluster.endpoint())
        .nested("marketMix", cluster.marketMix())
        .string("stateReason", cluster.stateReason())
        .time("requestedAt", cluster.requestedAt())
        .time("readyAt", cluster.readyAt())
        .time("endedAt", cluster.endedAt())
        .nested("rotation", cluster.rotation())
        .nested("death", cluster.death())
        .stamped(cluster.version(), cluster.updatedAt());
  }

  @Override
  public Cluster decode(Map<String, AttributeValue> item) {
    MarketMix mix = NestedValues.fromAttribute(item.get("marketMix"), MarketMix.class);
    return new Cluster(
        new ClusterId(string(item, Schema.ID)),
        new PoolName(string(item, "pool")),
        optionalString(item, "providerId"),
        ClusterState.valueOf(string(item, "state")),
        optionalString(item, "endpoint"),
        mix == null ? MarketMix.UNKNOWN : mix,
        optionalString(item, "stateReason"),
        instant(item, "requestedAt"),
        instant(item, "readyAt"),
        instant(item, "endedAt"),
        NestedValues.fromAttribute(item.get("rotation"), Cluster.Rotation.class),
        NestedValues.fromAttribute(item.get("death"), ClusterDeath.class),
        Attr.number(item, Schema.VERSION),
        instant(item, Schema.CHANGED_AT));
  }
}
