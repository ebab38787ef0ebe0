package io.lakeops.adapters.dynamodb;

import static software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.N;
import static software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The tables, their keys and indexes, as documented in {@code docs/state-store.md}. External
 * writers rely on these names, so they change only together with that document.
 */
final class Schema {
  static final String ID = "id";
  static final String VERSION = "version";
  static final String CHANGED_AT = "changedAt";
  static final String CHANGE_DAY = "changeDay";
  static final String LISTING = "listing";
  static final String SCHEDULED_FOR = "scheduledFor";
  static final String RUN_SHARD = "runShard";
  static final String OCCUPIED_CLUSTER = "occupiedCluster";
  static final String LIVE = "live";
  static final String LEASE_NAME = "name";
  static final String DUE_SHARD = "dueShard";
  static final String NEXT_DUE_AT = "nextDueAt";

  /** The fixed partitions of the all-runs index; readers merge all of them. */
  static final int RUN_SHARDS = 4;

  /** The fixed partitions of the due index; the scheduler reads all of them each tick. */
  static final int DUE_SHARDS = 4;

  final String jobs;
  final String runs;
  final String clusters;
  final String leases;
  final String schedule;

  final Index jobsById;
  final Index jobChanges;
  final Index runsByJob;
  final Index runsByState;
  final Index runsByCluster;
  final Index runsOccupying;
  final Index runsByShard;
  final Index runChanges;
  final Index clustersByPool;
  final Index liveClusters;
  final Index clusterChanges;
  final Index due;

  Schema(String prefix) {
    jobs = prefix + "jobs";
    runs = prefix + "runs";
    clusters = prefix + "clusters";
    leases = prefix + "leases";
    schedule = prefix + "schedule";
    jobsById = index(jobs, "by-id", LISTING, S, ID, S);
    jobChanges = changes(jobs);
    runsByJob = index(runs, "by-job", "jobId", S, SCHEDULED_FOR, N);
    runsByState = index(runs, "by-state", "state", S, SCHEDULED_FOR, N);
    runsByCluster = index(runs, "by-cluster", "cluster", S, SCHEDULED_FOR, N);
    runsOccupying = index(runs, "occupying", OCCUPIED_CLUSTER, S, SCHEDULED_FOR, N);
    runsByShard = index(runs, "by-shard", RUN_SHARD, S, SCHEDULED_FOR, N);
    runChanges = changes(runs);
    clustersByPool = index(clusters, "by-pool", "pool", S, "requestedAt", N);
    liveClusters = index(clusters, "live", LIVE, S, ID, S);
    clusterChanges = changes(clusters);
    due = index(schedule, "due", DUE_SHARD, S, NEXT_DUE_AT, N);
  }

  /** What {@code create-tables} creates: on-demand billing, every index projecting all. */
  List<CreateTableRequest> tables() {
    return List.of(
        table(jobs, ID, List.of(jobsById, jobChanges)),
        table(
            runs,
            ID,
            List.of(runsByJob, runsByState, runsByCluster, runsOccupying, runsByShard, runChanges)),
        table(clusters, ID, List.of(clustersByPool, liveClusters, clusterChanges)),
        table(leases, LEASE_NAME, List.of()),
        table(schedule, ID, List.of(due)));
  }

  private static Index changes(String table) {
    return index(table, "by-change", CHANGE_DAY, S, CHANGED_AT, N);
  }

  private static Index index(
      String table,
      String name,
      String partitionKey,
      ScalarAttributeType partitionType,
      String sortKey,
      ScalarAttributeType sortType) {
    return new Index(table, name, ID, partitionKey, partitionType, sortKey, sortType);
  }

  private static CreateTableRequest table(String name, String key, List<Index> indexes) {
    Map<String, ScalarAttributeType> attributes = new LinkedHashMap<>();
    attributes.put(key, S);
    List<GlobalSecondaryIndex> gsis = new ArrayList<>();
    for (Index index : indexes) {
      attributes.put(index.partitionKey(), index.partitionType());
      attributes.put(index.sortKey(), index.sortType());
      gsis.add(
          GlobalSecondaryIndex.builder()
              .indexName(index.name())
              .keySchema(
                  keyElement(index.partitionKey(), KeyType.HASH),
                  keyElement(index.sortKey(), KeyType.RANGE))
              .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
              .build());
    }
    CreateTableRequest.Builder request =
        CreateTableRequest.builder()
            .tableName(name)
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .keySchema(keyElement(key, KeyType.HASH))
            .attributeDefinitions(
                attributes.entrySet().stream()
                    .map(
                        e ->
                            AttributeDefinition.builder()
                                .attributeName(e.getKey())
                                .attributeType(e.getValue())
                                .build())
                    .toList());
    if (!gsis.isEmpty()) {
      request.globalSecondaryIndexes(gsis);
    }
    return request.build();
  }

  private static KeySchemaElement keyElement(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }
}
