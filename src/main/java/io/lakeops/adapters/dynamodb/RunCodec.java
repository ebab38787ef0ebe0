package io.lakeops.adapters.dynamodb;

import static io.lakeops.adapters.dynamodb.Attr.instant;
import static io.lakeops.adapters.dynamodb.Attr.optionalString;
import static io.lakeops.adapters.dynamodb.Attr.string;

import io.lakeops.domain.ClusterId;
import io.lakeops.domain.FailureKind;
import io.lakeops.domain.InputWindow;
import io.lakeops.domain.JobId;
import io.lakeops.domain.JobRun;
import io.lakeops.domain.RunId;
import io.lakeops.domain.RunResult;
import io.lakeops.domain.RunState;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Runs as items of the runs table, with the attributes that place them in the run indexes. */
final class RunCodec implements ItemCodec<JobRun> {

  @Override
  public String entity() {
    return "run";
  }

  @Override
  public String id(JobRun value) {
    return value.id().value();
  }

  @Override
  public long version(JobRun value) {
    return value.version();
  }

  @Override
  public Instant changedAt(JobRun value) {
    return value.updatedAt();
  }

  @Override
  public JobRun stamped(JobRun value, long version, Instant at) {
    return value.stored(version, at);
  }

  @Override
  public ItemWrite encode(JobRun run) {
    String cluster = run.cluster() == null ? null : run.cluster().value();
    return new ItemWrite()
        .string(Schema.ID, run.id().value())
        .string("jobId", run.jobId().value())
        .time(Schema.SCHEDULED_FOR, run.scheduledFor())
        .nested("window", run.window())
        .number("attempt", run.attempt())
        .string("state", run.state().name())
        .string("cluster", cluster)
        // Sparse: only runs holding a place on a cluster are in the occupying index.
        .string(Schema.OCCUPIED_CLUSTER, run.state().occupiesCluster() ? cluster : null)
        .string("submissionId", run.submissionId())
        .string("failureKind", run.failures().kind() == null ? null : run.failures().kind().name())
        .string("message", run.failures().message())
        .number("infrastructureFailures", run.failures().infrastructure())
        .number("jobFailures", run.failures().job())
        .time("createdAt", run.timings().created())
        .time("startedAt", run.timings().started())
        .time("finishedAt", run.timings().finished())
        .nested("result", run.result())
        .keptIfPresent(Schema.RUN_SHARD, Attr.s(shardOf(run.id())))
        .stamped(run.version(), run.updatedAt());
  }

  /**
   * A stable shard for a new run. Readers merge all shards, so the choice only spreads writes; an
   * external writer may pick any shard.
   */
  static String shardOf(RunId id) {
    return Integer.toString(Math.floorMod(id.value().hashCode(), Schema.RUN_SHARDS));
  }

  @Override
  public JobRun decode(Map<String, AttributeValue> item) {
    String cluster = optionalString(item, "cluster");
    String failureKind = optionalString(item, "failureKind");
    return new JobRun(
        new RunId(string(item, Schema.ID)),
        new JobId(string(item, "jobId")),
        instant(item, Schema.SCHEDULED_FOR),
        NestedValues.fromAttribute(item.get("window"), InputWindow.class),
        Attr.integer(item, "attempt", 1),
        RunState.valueOf(string(item, "state")),
        cluster == null ? null : new ClusterId(cluster),
        optionalString(item, "submissionId"),
        new JobRun.Failures(
            failureKind == null ? null : FailureKind.valueOf(failureKind),
            optionalString(item, "message"),
            Attr.integer(item, "infrastructureFailures", 0),
            Attr.integer(item, "jobFailures", 0)),
        new JobRun.Timings(
            instant(item, "createdAt"), instant(item, "startedAt"), instant(item, "finishedAt")),
        NestedValues.fromAttribute(item.get("result"), RunResult.class),
        Attr.number(item, Schema.VERSION),
        instant(item, Schema.CHANGED_AT));
  }
}
