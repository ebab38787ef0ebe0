package io.lakeops.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lakeops.control.scheduling.ControlLoop;
import io.lakeops.domain.ClusterState;
import io.lakeops.domain.FailureKind;
import io.lakeops.domain.JobRun;
import io.lakeops.domain.RunId;
import io.lakeops.domain.RunState;
import io.lakeops.ports.PageRequest;
import io.lakeops.ports.StateStore;
import io.lakeops.ports.SubmissionState;
import io.lakeops.testdata.LakeRows;
import io.lakeops.testdata.OrdersTable;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole way, with real parts: the console's own scheduler (the {@code @Scheduled} leader pass)
 * runs a scheduled extraction of a real MariaDB table on a real local cluster (Livy 0.7.1 whose
 * spark-submit runs Spark 3.5.7 with the spark-jobs jar), and the run's manifest figures reach the
 * run page and the API. Then the same run is re-run, handed to a restarted console mid-flight,
 * forgotten by Livy, and another job shows a job failure counted against the job budget only
 * (infrastructure failures and failover: {@link ClusterFailoverIT} and the loops' unit tests).
 *
 * <p>The tests share one console, one cluster and one database and build on each other in order. A
 * "restarted console" is a second leader pass built from the same beans as a new process would
 * build it, taking the lease over while the first one is paused: local clusters are children of the
 * console, so a real restart would take the cluster (and its batch) down with it; on EMR the
 * cluster outlives the console, which is what this shows.
 */
@QuarkusTest
@TestProfile(EndToEndProfile.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScheduledExtractionIT {
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);
  private static final int ROWS = 240;

  /** Jobs the test runs by hand: their schedule never comes due while it runs. */
  private static final String YEARLY = "cron 0 0 1 1 *";

  @Inject StateStore store;
  @Inject Scheduler scheduler;
  @Inject ControlLoop consoleLoop;
  @Inject RestartedConsole restarted;

  private E2eApi api;
  private RunId firstRun;

  @BeforeAll
  void sourceTableAndReadyCluster() throws Exception {
    api = new E2eApi(store);
    ShopDatabase.createOrders(
        "orders", ROWS, Instant.parse("2026-01-01T00:00:00Z"), Duration.ofMinutes(1));
    await("the local cluster of pool small is READY")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                store.findLiveClusters(PageRequest.first(50)).items().stream()
                    .anyMatch(c -> c.state() == ClusterState.READY));
  }

  @Test
  @Order(1)
  void aScheduledExtractionRunsEndToEndAndItsFiguresReachTheApiAndTheRunPage() {
    // Due once, at the next minute at least 20 s away, then not before tomorrow: one window.
    Instant firing = Instant.now().plusSeconds(80).truncatedTo(ChronoUnit.MINUTES);
    ZonedDateTime at = firing.atZone(ZoneOffset.UTC);
    String daily = "cron " + at.getMinute() + " " + at.getHour() + " * * *";
    api.createJob(E2eApi.extraction("orders-e2e", "orders", daily, "small"));
    JobRun submitted =
        await("the scheduler creates and dispatches the window due at " + firing)
            .atMost(Duration.ofSeconds(150))
            .pollInterval(Duration.ofMillis(300))
            .until(
                () -> api.runsOf("orders-e2e").stream().findFirst().orElse(null),
                run -> run != null && run.state() != RunState.SCHEDULED);
    assertThat(submitted.scheduledFor()).isEqualTo(firing);
    firstRun = submitted.id();

    JobRun done = awaitFinished(firstRun);

    assertThat(done.state()).as(done.failures().message()).isEqualTo(RunState.SUCCEEDED);
    assertThat(done.window().low()).isEmpty(); // the first window is a full load
    assertThat(done.window().high()).isEqualTo(done.scheduledFor().toString());
    JsonPath fromApi = api.run(firstRun);
    assertThat(fromApi.getLong("result.rowsRead")).isEqualTo(ROWS);
    assertThat(fromApi.getLong("result.rowsWritten")).isEqualTo(ROWS);
    assertThat(fromApi.getString("result.qualityReport")).contains("key_unique");
    String page = api.runPage(firstRun);
    assertThat(page)
        .contains(
            firstRun.value(), "id=\"run-state\">succeeded<", ROWS + " read, " + ROWS + " written")
        .contains("key_unique");
    assertThat(manifest(firstRun)).exists();
  }

  @Test
  @Order(2)
  void aRerunReplacesItsOwnBatchWithTheSameRows() throws Exception {
    String before = Files.readString(manifest(firstRun));
    api.rerun(firstRun, "check the re-run gives the same output");

    JobRun again = awaitAttempt(firstRun, 2);

    assertThat(again.state()).as(again.failures().message()).isEqualTo(RunState.SUCCEEDED);
    assertThat(again.result().rowsWritten()).isEqualTo(ROWS);
    String after = Files.readString(manifest(firstRun));
    assertThat(JsonPath.from(after).getMap("window"))
        .isEqualTo(JsonPath.from(before).getMap("window"));
    assertThat(JsonPath.from(after).getLong("rowsWritten")).isEqualTo(ROWS);
    assertThat(JsonPath.from(after).getBoolean("dataQuality.passed")).isTrue();
    // The re-run replaced its own batch and added nothing in it or beside it: the table's rows in
    // the lake, read with DuckDB, are the window's keys in the source, each once.
    List<Long> lake = rowsOfTable();
    assertThat(lake).hasSize(ROWS).doesNotHaveDuplicates();
    assertThat(lake.stream().sorted().toList()).isEqualTo(sourceIds());
    assertThat(staged()).isEmpty();
  }

  @Test
  @Order(3)
  void aRestartedConsoleReattachesToTheRunningBatchAndSubmitsNothingAgain() {
    api.rerun(firstRun, "restart the console while it runs");
    awaitRunning(firstRun, 3);

    handOverTo(restarted);
    try {
      JobRun done =
          await("the restarted console follows the run to its end")
              .atMost(RUN_TIMEOUT)
              .pollInterval(Duration.ofMillis(500))
              .until(() -> restarted.passAndRead(firstRun), run -> run.state().isFinished());
      assertThat(done.state()).as(done.failures().message()).isEqualTo(RunState.SUCCEEDED);
    } finally {
      handBack();
    }
    List<String> names = LivyBatches.names(api.clusterEndpoint());
    assertThat(names).containsOnlyOnce(firstRun.value() + "-a3");
    assertThat(names.stream().filter(n -> n.startsWith(firstRun.value()))).hasSize(3);
  }

  @Test
  @Order(4)
  void aBatchLivyForgotIsResolvedFromItsManifest() {
    handOverTo(restarted);
    try {
      api.rerun(firstRun, "Livy forgets this batch");
      JobRun running =
          await("the run is submitted")
              .atMost(RUN_TIMEOUT)
              .until(
                  () -> restarted.passAndRead(firstRun),
                  run -> run.attempt() == 4 && run.state() == RunState.RUNNING);
      String endpoint = api.clusterEndpoint();
      // Nobody polls now: the batch finishes on the cluster, and then Livy forgets it.
      await("the batch finishes on the cluster")
          .atMost(RUN_TIMEOUT)
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> restarted.status(endpoint, running) == SubmissionState.SUCCEEDED);
      LivyBatches.forget(endpoint, running.submissionId());
      assertThat(restarted.status(endpoint, running)).isEqualTo(SubmissionState.UNKNOWN);

      JobRun resolved = restarted.passAndRead(firstRun);

      assertThat(resolved.state()).as(resolved.failures().message()).isEqualTo(RunState.SUCCEEDED);
      assertThat(resolved.result().rowsRead()).isEqualTo(ROWS);
    } finally {
      handBack();
    }
  }

  @Test
  @Order(5)
  void aJobFailureUsesTheJobBudgetOnlyAndEndsTheRunFailedWithTheJobsReason() {
    api.createJob(E2eApi.extraction("broken-e2e", "no_such_table", YEARLY, "small"));
    JobRun jobFailure = awaitFinished(api.runNow("broken-e2e"));

    assertThat(jobFailure.state()).isEqualTo(RunState.FAILED);
    assertThat(jobFailure.failures().kind()).isEqualTo(FailureKind.JOB);
    assertThat(jobFailure.failures().job()).isEqualTo(E2eApi.JOB_RETRIES + 1);
    assertThat(jobFailure.failures().infrastructure()).isZero();
    assertThat(jobFailure.attempt()).isEqualTo(E2eApi.JOB_RETRIES + 1);
    assertThat(jobFailure.failures().message())
        .as("the job's own words, from its error report, not Livy's state")
        .contains("no_such_table")
        .containsIgnoringCase("doesn't exist");
  }

  /** The console's own pass pauses and steps down; {@code other} leads from its first pass. */
  private void handOverTo(RestartedConsole other) {
    scheduler.pause("scheduler");
    consoleLoop.stepDown();
    assertThat(other.lead()).as("the restarted console takes the lease").isTrue();
  }

  private void handBack() {
    restarted.stop();
    scheduler.resume("scheduler");
  }

  private JobRun awaitFinished(RunId id) {
    return await("run " + id + " finishes")
        .atMost(RUN_TIMEOUT)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> read(id), run -> run.state().isFinished());
  }

  private JobRun awaitAttempt(RunId id, int attempt) {
    return await("attempt " + attempt + " of " + id + " finishes")
        .atMost(RUN_TIMEOUT)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> read(id), run -> run.attempt() == attempt && run.state().isFinished());
  }

  private void awaitRunning(RunId id, int attempt) {
    await("attempt " + attempt + " of " + id + " runs")
        .atMost(RUN_TIMEOUT)
        .pollInterval(Duration.ofMillis(300))
        .until(() -> read(id), run -> run.attempt() == attempt && run.state() == RunState.RUNNING);
  }

  private JobRun read(RunId id) {
    return store.findRun(id).orElseThrow();
  }

  private Path manifest(RunId run) {
    return EndToEndProfile.lake().resolve("table=orders/_manifests/batch=" + run.value() + ".json");
  }

  /** The ids of every row in every batch of table orders, duplicates kept. */
  private List<Long> rowsOfTable() throws Exception {
    List<Long> ids = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(EndToEndProfile.lake().resolve("table=orders"))) {
      for (Path batch :
          dirs.filter(p -> p.getFileName().toString().startsWith("batch=")).toList()) {
        ids.addAll(LakeRows.ids(batch));
      }
    }
    return ids;
  }

  /** The source's ids, in order: the only window so far is a full load, so it holds them all. */
  private List<Long> sourceIds() throws Exception {
    try (Connection c = ShopDatabase.connect()) {
      return OrdersTable.ids(c, "orders");
    }
  }

  private List<Path> staged() throws Exception {
    Path staging = EndToEndProfile.lake().resolve("table=orders/_staging");
    if (!Files.isDirectory(staging)) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(staging)) {
      return dirs.toList();
    }
  }
}
