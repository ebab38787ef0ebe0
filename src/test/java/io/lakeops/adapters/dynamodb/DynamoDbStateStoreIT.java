package io.lakeops.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakeops.domain.JobId;
import io.lakeops.domain.JobRun;
import io.lakeops.domain.RunId;
import io.lakeops.domain.RunState;
import io.lakeops.ports.Change;
import io.lakeops.ports.EntityKind;
import io.lakeops.ports.PageRequest;
import io.lakeops.ports.RunQuery;
import io.lakeops.ports.StateStore;
import io.lakeops.ports.StateStoreContract;
import io.lakeops.testdata.TestJobs;
import io.lakeops.testdata.TestRuns;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The state-store contract against DynamoDB on dynalite, plus what is particular to DynamoDB: an
 * external writer that follows the documented item schema. Each test gets its own table prefix.
 */
class DynamoDbStateStoreIT extends StateStoreContract {
  private static final AtomicInteger TABLE_SETS = new AtomicInteger();

  private String prefix;

  @Override
  protected StateStore createStore(Clock clock) {
    prefix = "t" + TABLE_SETS.incrementAndGet() + "-" + ProcessHandle.current().pid() + "-";
    return DynamoDbStateStore.connect(DynaliteServer.shared().storeConfig(prefix), clock);
  }

  /** A low-level client, as a Lambda orchestrator writing behind the console's back would use. */
  private static DynamoDbClient externalWriter() {
    return ExternalWriter.client(DynaliteServer.shared().endpoint());
  }

  @Test
  void aRunWrittenByAnExternalWriterIsFoundAndShowsUpInTheChangeFeed() {
    Instant since = clock.instant();
    Instant scheduledFor = Instant.parse("2026-11-26T13:00:00Z");
    Instant changedAt = Instant.parse("2026-11-26T13:00:01.234Z");
    RunId id = RunId.of(new JobId("orders-extract"), scheduledFor);
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("id", AttributeValue.fromS(id.value()));
    item.put("jobId", AttributeValue.fromS("orders-extract"));
    item.put("scheduledFor", AttributeValue.fromN(Long.toString(scheduledFor.toEpochMilli())));
    item.put(
        "window",
        AttributeValue.fromM(
            Map.of(
                "low", AttributeValue.fromS("2026-11-26T12:55:00Z"),
                "high", AttributeValue.fromS("2026-11-26T13:00:00Z"))));
    item.put("attempt", AttributeValue.fromN("1"));
    item.put("state", AttributeValue.fromS("SCHEDULED"));
    item.put("createdAt", AttributeValue.fromN(Long.toString(scheduledFor.toEpochMilli())));
    item.put("runShard", AttributeValue.fromS("2"));
    item.put("version", AttributeValue.fromN("1"));
    item.put("changedAt", AttributeValue.fromN(Long.toString(changedAt.toEpochMilli())));
    item.put("changeDay", AttributeValue.fromS("2026-11-26"));
    item.put("writtenBy", AttributeValue.fromS("orchestrator-lambda"));
    try (DynamoDbClient lambda = externalWriter()) {
      lambda.putItem(
          r ->
              r.tableName(prefix + "runs")
                  .item(item)
                  .conditionExpression("attribute_not_exists(id)"));

      JobRun found = store.findRun(id).orElseThrow();
      assertThat(found.state()).isEqualTo(RunState.SCHEDULED);
      assertThat(found.version()).isEqualTo(1);
      assertThat(found.updatedAt()).isEqualTo(changedAt);
      assertThat(found.window().low()).isEqualTo("2026-11-26T12:55:00Z");
      List<Change> changes = readAll(p -> store.changesSince(EntityKind.RUN, since, p), 5, c -> c);
      assertThat(changes).extracting(Change::id).containsExactly(id.value());
      assertThat(changes.get(0).changedAt()).isEqualTo(changedAt);
      assertThat(changes.get(0).entity()).isEqualTo(found);
      assertThat(readAll(p -> store.findRuns(RunQuery.ALL, p), 5, r -> r.id())).containsExactly(id);

      // The console's next write goes through the version check and keeps the writer's attribute.
      store.updateRun(
          found.submitted(new io.lakeops.domain.ClusterId("small-1"), "9", clock.instant()));
      Map<String, AttributeValue> after =
          lambda
              .getItem(r -> r.tableName(prefix + "runs").key(Map.of("id", item.get("id"))))
              .item();
      assertThat(after.get("version").n()).isEqualTo("2");
      assertThat(after.get("writtenBy").s()).isEqualTo("orchestrator-lambda");
      assertThat(after.get("runShard").s()).isEqualTo("2");
      assertThat(after.get("occupiedCluster").s()).isEqualTo("small-1");
    }
  }

  @Test
  void aJobWrittenByAnExternalWriterIsFoundListedAndInTheChangeFeed() {
    Instant changedAt = clock.instant().plusSeconds(2);
    Map<String, AttributeValue> item = ExternalWriter.streamingJob("external-job", changedAt);
    try (DynamoDbClient lambda = externalWriter()) {
      lambda.putItem(r -> r.tableName(prefix + "jobs").item(item));
    }

    var job = store.findJob(new JobId("external-job")).orElseThrow();
    assertThat(job.streaming().trigger()).isEqualTo(Duration.ofSeconds(1));
    assertThat(job.retry().maxJobRetries()).isEqualTo(1);
    assertThat(readAll(p -> store.listJobs(p), 2, j -> j.id().value()))
        .containsExactly("external-job");
    assertThat(
            readAll(p -> store.changesSince(EntityKind.JOB, clock.instant(), p), 2, Change::entity))
        .containsExactly(job);
  }

  @Test
  void aCursorThatIsNotOneOfOursIsRefused() {
    store.createJob(TestJobs.anExtractionJob().build());

    assertThatThrownBy(() -> store.listJobs(PageRequest.after(5, "bm90LWEtY3Vyc29y")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.findRuns(RunQuery.ALL, PageRequest.after(5, "%%%")))
        .isInstanceOf(IllegalArgumentException.class);
    store.createRunIfAbsent(TestRuns.aRun().build());
    store.createRunIfAbsent(TestRuns.aRun().at("2026-11-26T12:05:00Z").build());
    String ordersCursor =
        store
            .findRuns(RunQuery.byJob(new JobId("orders-extract")), PageRequest.first(1))
            .next()
            .orElseThrow();
    assertThatThrownBy(
            () ->
                store.findRuns(
                    RunQuery.byJob(new JobId("other")), PageRequest.after(1, ordersCursor)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void allRunsAreMergedNewestFirstAcrossShards() {
    Instant noon = Instant.parse("2026-11-26T12:00:00Z");
    for (int i = 0; i < 23; i++) {
      store.createRunIfAbsent(
          TestRuns.aRun().job("job-" + (i % 3)).at(noon.plusSeconds(60L * i)).build());
    }

    List<Instant> seen = readAll(p -> store.findRuns(RunQuery.ALL, p), 4, JobRun::scheduledFor);

    assertThat(seen).hasSize(23).isSortedAccordingTo(java.util.Comparator.reverseOrder());
  }
}
