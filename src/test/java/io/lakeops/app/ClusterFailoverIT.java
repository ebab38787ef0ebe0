package io.lakeops.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lakeops.adapters.local.LocalClusterProvider;
import io.lakeops.domain.Cluster;
import io.lakeops.domain.ClusterId;
import io.lakeops.domain.ClusterState;
import io.lakeops.domain.JobRun;
import io.lakeops.domain.RunId;
import io.lakeops.domain.RunState;
import io.lakeops.ports.AuditEntry;
import io.lakeops.ports.AuditLog;
import io.lakeops.ports.AuditQuery;
import io.lakeops.ports.EntityKind;
import io.lakeops.ports.PageRequest;
import io.lakeops.ports.StateStore;
import io.lakeops.testdata.LakeRows;
import io.lakeops.web.HeadlessChrome;
import io.lakeops.web.Users;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Clusters that heal, with real parts: the console's own leader pass keeps pool {@code small} at
 * one READY local cluster (a real Livy 0.7.1 whose spark-submit runs Spark 3.5.7), a real MariaDB
 * source, and the lake read back with DuckDB, a Parquet reader independent of the job. A cluster is
 * killed with {@code kill -9} while a run is running on it; a spot loss is simulated from the
 * clusters pane in a real headless Chromium; a pool is rotated with a run in flight.
 */
@QuarkusTest
@TestProfile(EndToEndProfile.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFailoverIT {
  private static final Duration HEAL_TIMEOUT = Duration.ofMinutes(3);
  private static final int ROWS = 300;
  private static final String YEARLY = "cron 0 0 1 1 *";

  @Inject StateStore store;
  @Inject LocalClusterProvider provider;
  @Inject AuditLog audit;

  @TestHTTPResource("/")
  URL base;

  private E2eApi api;

  @BeforeAll
  void sourceTableAndReadyCluster() throws Exception {
    api = new E2eApi(store);
    ShopDatabase.createOrders(
        "payments", ROWS, Instant.parse("2026-02-01T00:00:00Z"), Duration.ofSeconds(30));
    readyCluster();
  }

  @Test
  @Order(1)
  void aClusterKilledMidRunIsReplacedAndTheRunCompletesThereWithTheWindowsRowsExactlyOnce()
      throws Exception {
    api.createJob(E2eApi.extraction("payments-failover", "payments", YEARLY, "small"));
    RunId id = api.runNow("payments-failover");
    JobRun running = awaitState(id, 1, RunState.RUNNING);
    Cluster doomed = store.findCluster(running.cluster()).orElseThrow();

    Instant killedAt = Instant.now();
    killDashNine(doomed);

    Cluster dead =
        await("the killed cluster is recorded FAILED")
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> cluster(doomed.id()), c -> c.state() == ClusterState.FAILED);
    assertThat(dead.stateReason()).contains("Livy exited");
    assertThat(Duration.between(killedAt, dead.endedAt()))
        .as("death recorded within 15 s")
        .isLessThan(Duration.ofSeconds(15));

    JobRun done =
        await("the run completes on the replacement")
            .atMost(HEAL_TIMEOUT)
            .pollInterval(Duration.ofMillis(500))
            .until(() -> read(id), r -> r.state().isFinished() && r.attempt() > 1);
    assertThat(done.state()).as(done.failures().message()).isEqualTo(RunState.SUCCEEDED);
    assertThat(done.attempt()).isEqualTo(2);
    assertThat(done.cluster()).isNotEqualTo(doomed.id());
    assertThat(done.failures().infrastructure()).isEqualTo(1);
    assertThat(done.failures().job()).isZero();
    assertThat(cluster(done.cluster()).state()).isEqualTo(ClusterState.READY);

    // The lake, read with DuckDB, against the source read over JDBC: each id once, none missing.
    List<Long> lake = LakeRows.ids(batchDir("payments", id));
    assertThat(lake).hasSize(ROWS).doesNotHaveDuplicates().isEqualTo(sourceIds("payments"));
    assertThat(done.result().rowsWritten()).isEqualTo(ROWS);

    List<String> story = story(id, doomed.id(), done.cluster());
    assertThat(story)
        .containsSubsequence(
            "run " + id + " run.submitted",
            "run " + id + " run.running",
            "cluster " + doomed.id() + " cluster.failed",
            "cluster " + done.cluster() + " cluster.request",
            "run " + id + " run.retry",
            "cluster " + done.cluster() + " cluster.ready",
            "run " + id + " run.submitted",
            "run " + id + " run.succeeded");
  }

  @Test
  @Order(2)
  void simulateSpotLossOnTheClustersPaneShowsTheDeathAndTheNewClusterWithoutAReload()
      throws Exception {
    boolean ci = "true".equals(System.getenv("CI"));
    if (ci) {
      assertThat(HeadlessChrome.installed()).as("chromium and chromedriver in CI").isTrue();
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(
        HeadlessChrome.installed(), "needs chromium and chromedriver (Debian packages)");
    Cluster victim = readyCluster();

    try (HeadlessChrome chrome = new HeadlessChrome()) {
      chrome.logIn(base.toString(), Users.OPERATOR.name, Users.OPERATOR.password);
      chrome.open(base + "clusters");
      chrome.script("window.samePage = 'yes'; window.confirm = function () { return true; };");
      String row = "tr[data-cluster='" + victim.id() + "']";
      assertThat(chrome.text(row + " .badge")).isEqualTo("ready");

      chrome.type(row + " form.simulate-loss input[name=reason]", "failover drill");
      chrome.click(row + " form.simulate-loss button");

      Cluster dead =
          await("the killed cluster is recorded FAILED")
              .atMost(Duration.ofSeconds(60))
              .until(() -> cluster(victim.id()), c -> c.state() == ClusterState.FAILED);
      Cluster replacement = readyCluster();
      assertThat(replacement.id()).isNotEqualTo(dead.id());
      chrome.open(base + "clusters"); // the post redirected here: from now on no reload
      chrome.script("window.samePage = 'yes'; return null;");
      await("the pane shows the replacement READY without a reload")
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  chrome
                      .script(
                          "var r = document.querySelector(\"tr[data-cluster='"
                              + replacement.id()
                              + "']\"); return r ? r.getAttribute('data-state') : '';")
                      .asText()
                      .equals("READY"));
      assertThat(chrome.script("return window.samePage;").asText()).isEqualTo("yes");
      assertThat(
              chrome
                  .script(
                      "return document.getElementById('clusters-pane').textContent.indexOf('"
                          + dead.id()
                          + "') >= 0;")
                  .asBoolean())
          .as("the dead cluster's death is among the pool's events")
          .isTrue();
    }
    AuditEntry drill =
        audit
            .search(
                new AuditQuery(
                    Optional.of(EntityKind.CLUSTER),
                    Optional.of(victim.id().value()),
                    Optional.of(Users.OPERATOR.name),
                    Optional.empty(),
                    Optional.empty()),
                PageRequest.first(5))
            .items()
            .get(0);
    assertThat(drill.action()).isEqualTo("cluster.simulate-loss");
    assertThat(drill.reason()).isEqualTo("failover drill");
  }

  @Test
  @Order(3)
  void aOneClickRotationWithARunInFlightBringsTheNewClusterUpBeforeTheOldOneDrains()
      throws Exception {
    Cluster old = readyCluster();
    api.createJob(E2eApi.extraction("payments-rotation", "payments", YEARLY, "small"));
    RunId id = api.runNow("payments-rotation");
    awaitState(id, 1, RunState.RUNNING);

    rotatePoolSmall("monthly rotation");

    Cluster ended =
        await("the old cluster is terminated")
            .atMost(HEAL_TIMEOUT)
            .pollInterval(Duration.ofMillis(500))
            .until(() -> cluster(old.id()), c -> c.state() == ClusterState.TERMINATED);
    ClusterId replacement = ended.rotation().replacement();
    assertThat(cluster(replacement).state()).isEqualTo(ClusterState.READY);
    JobRun done = await().atMost(HEAL_TIMEOUT).until(() -> read(id), r -> r.state().isFinished());
    assertThat(done.state()).isEqualTo(RunState.SUCCEEDED);
    assertThat(LakeRows.ids(batchDir("payments", id)))
        .hasSize(ROWS)
        .doesNotHaveDuplicates()
        .isEqualTo(sourceIds("payments"));

    List<String> story = story(id, old.id(), replacement);
    assertThat(story)
        .containsSubsequence(
            "cluster " + old.id() + " cluster.rotate",
            "cluster " + replacement + " cluster.request",
            "cluster " + replacement + " cluster.ready",
            "cluster " + old.id() + " cluster.draining",
            "cluster " + old.id() + " cluster.terminating",
            "cluster " + old.id() + " cluster.terminated");
    assertThat(story).as("no failure on the way").noneMatch(s -> s.endsWith("cluster.failed"));
    assertThat(done.failures().kind()).isNull();
    assertThat(done.failures().infrastructure()).isZero();
  }

  @Test
  @Order(4)
  void scheduledWindowsAcrossARotationAreNeitherMissedNorDoubledAndReachTheLakeOnce()
      throws Exception {
    Cluster old = readyCluster();
    api.createJob(E2eApi.extraction("payments-windows", "payments", "every 20s", "small"));
    try {
      windowsAcrossARotation(old);
    } finally {
      // The application outlives this class: a job firing every 20 s would take the only cluster
      // from the next test class.
      Users.OPERATOR
          .api()
          .contentType(io.restassured.http.ContentType.JSON)
          .post("/api/jobs/payments-windows/pause?reason=done")
          .then()
          .statusCode(200);
    }
  }

  private void windowsAcrossARotation(Cluster old) throws Exception {
    await("the first window runs on the old cluster")
        .atMost(HEAL_TIMEOUT)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> api.runsOf("payments-windows").stream().anyMatch(r -> r.cluster() != null));

    rotatePoolSmall("rotation under a schedule");
    Cluster ended =
        await("the old cluster is terminated")
            .atMost(HEAL_TIMEOUT)
            .pollInterval(Duration.ofMillis(500))
            .until(() -> cluster(old.id()), c -> c.state() == ClusterState.TERMINATED);
    // Up to a window after the old cluster's end, and at least three windows: a quick rotation
    // can end before the second window is due.
    Instant first =
        api.runsOf("payments-windows").stream()
            .map(JobRun::scheduledFor)
            .min(Comparator.naturalOrder())
            .orElseThrow();
    Instant afterTheEnd = ended.endedAt().plusSeconds(25);
    Instant threeWindows = first.plusSeconds(45);
    Instant cutoff = afterTheEnd.isAfter(threeWindows) ? afterTheEnd : threeWindows;
    List<JobRun> windows =
        await("every window up to " + cutoff + " has run")
            .atMost(HEAL_TIMEOUT)
            .pollInterval(Duration.ofSeconds(1))
            .until(
                () ->
                    api.runsOf("payments-windows").stream()
                        .filter(r -> !r.scheduledFor().isAfter(cutoff))
                        .sorted(Comparator.comparing(JobRun::scheduledFor))
                        .toList(),
                runs ->
                    Instant.now().isAfter(cutoff.plusSeconds(2))
                        && runs.stream().allMatch(r -> r.state().isFinished()));

    assertThat(windows.size())
        .as("windows before, during and after the rotation")
        .isGreaterThanOrEqualTo(3);
    assertThat(windows).allMatch(r -> r.state() == RunState.SUCCEEDED, "every window succeeded");
    assertThat(windows.stream().map(JobRun::cluster).distinct())
        .as("windows ran on both clusters")
        .contains(old.id(), ended.rotation().replacement());
    for (int i = 1; i < windows.size(); i++) {
      JobRun before = windows.get(i - 1);
      JobRun after = windows.get(i);
      assertThat(after.scheduledFor())
          .as("no window missed after " + before.id())
          .isEqualTo(before.scheduledFor().plusSeconds(20));
      assertThat(after.window().low())
          .as("windows follow each other without gap or overlap")
          .isEqualTo(before.window().high());
    }
    List<Long> lake = new ArrayList<>();
    for (JobRun window : windows) {
      lake.addAll(LakeRows.ids(batchDir("payments", window.id())));
    }
    assertThat(lake.stream().sorted().toList())
        .as("every source row once across the windows' batches")
        .isEqualTo(sourceIds("payments"));
  }

  /** One click on Rotate pool, through the API. */
  private static void rotatePoolSmall(String reason) {
    Users.OPERATOR
        .api()
        .contentType(io.restassured.http.ContentType.JSON)
        .queryParam("reason", reason)
        .post("/api/pools/small/rotate")
        .then()
        .statusCode(200);
  }

  /** SIGKILL to the cluster's Livy and every process under it (its Spark drivers), at once. */
  private void killDashNine(Cluster cluster) throws Exception {
    ProcessHandle livy = provider.livyProcess(cluster.providerId());
    List<String> command = new ArrayList<>(List.of("kill", "-9"));
    Stream.concat(Stream.of(livy), livy.descendants())
        .map(p -> Long.toString(p.pid()))
        .forEach(command::add);
    Process kill = new ProcessBuilder(command).inheritIO().start();
    assertThat(kill.waitFor()).isZero();
    await().atMost(Duration.ofSeconds(10)).until(() -> !livy.isAlive());
  }

  private Cluster readyCluster() {
    return await("a READY cluster in pool small")
        .atMost(HEAL_TIMEOUT)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                store.findLiveClusters(PageRequest.first(50)).items().stream()
                    .filter(c -> c.state() == ClusterState.READY && c.rotation() == null)
                    .max(Comparator.comparing(Cluster::requestedAt)),
            Optional::isPresent)
        .orElseThrow();
  }

  private JobRun awaitState(RunId id, int attempt, RunState state) {
    return await("attempt " + attempt + " of " + id + " is " + state)
        .atMost(HEAL_TIMEOUT)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> read(id), r -> r.attempt() == attempt && r.state() == state);
  }

  /** The audit entries of the run and the two clusters, oldest first, as "kind id action". */
  private List<String> story(RunId run, ClusterId a, ClusterId b) {
    List<AuditEntry> entries = new ArrayList<>();
    entries.addAll(entriesOf(EntityKind.RUN, run.value()));
    entries.addAll(entriesOf(EntityKind.CLUSTER, a.value()));
    entries.addAll(entriesOf(EntityKind.CLUSTER, b.value()));
    return entries.stream()
        .sorted(Comparator.comparingLong(AuditEntry::sequence))
        .map(e -> e.entityKind().name().toLowerCase() + " " + e.entityId() + " " + e.action())
        .toList();
  }

  private List<AuditEntry> entriesOf(EntityKind kind, String id) {
    return audit
        .search(
            new AuditQuery(
                Optional.of(kind),
                Optional.of(id),
                Optional.empty(),
                Optional.empty(),
                Optional.empty()),
            PageRequest.first(200))
        .items();
  }

  private List<Long> sourceIds(String table) throws Exception {
    try (Connection c = ShopDatabase.connect();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT id FROM " + table + " ORDER BY id")) {
      List<Long> ids = new ArrayList<>();
      while (rows.next()) {
        ids.add(rows.getLong(1));
      }
      return ids;
    }
  }

  private java.nio.file.Path batchDir(String table, RunId run) {
    return EndToEndProfile.lake().resolve("table=" + table).resolve("batch=" + run.value());
  }

  private Cluster cluster(ClusterId id) {
    return store.findCluster(id).orElseThrow();
  }

  private JobRun read(RunId id) {
    return store.findRun(id).orElseThrow();
  }
}
