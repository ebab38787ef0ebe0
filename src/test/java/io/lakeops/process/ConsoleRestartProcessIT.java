package io.lakeops.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lakeops.testdata.LakeRows;
import io.lakeops.testdata.MariaDbServer;
import io.lakeops.testdata.OrdersTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console as its own process, killed with {@code kill -9} while a run is running and started
 * again over the same data directory, as an operator would with the README's command. Local
 * clusters are children of the console: the new process stops the Livy the old one left behind,
 * records that cluster FAILED, launches a replacement, and the run ends SUCCEEDED exactly once. The
 * same for a console killed mid-rotation: the new one leaves no orphan, and the pool is whole
 * again.
 */
class ConsoleRestartProcessIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SUBMISSION =
      Pattern.compile("Creating batch session \\d+: .* name: ([^,\\]]+)");
  private static final int ROWS = 200;
  private static final Path WORK = Path.of("target/process-it").toAbsolutePath();

  private static MariaDbServer source;

  @BeforeAll
  static void sourceDatabase() throws Exception {
    source = MariaDbServer.start(WORK.resolve("mariadb"));
    OrdersTable.createShop(source, ROWS, Instant.parse("2026-03-01T00:00:00Z"));
  }

  @AfterAll
  static void stopSource() throws Exception {
    source.close();
  }

  @Test
  void aConsoleKilledWhileARunRunsIsStartedAgainAndTheRunSucceedsExactlyOnce() throws Exception {
    Path data = Files.createTempDirectory(Files.createDirectories(WORK), "data-");
    Map<String, String> settings =
        Map.of(
            "lakeops.sources.shop.jdbc-url", source.url("shop"),
            "lakeops.sources.shop.user", "root",
            "lakeops.scheduler.lease-ttl", "8s",
            "lakeops.jobs.minimum-interval", "10s");
    String run;
    String firstCluster;
    try (ConsoleProcess first = ConsoleProcess.start(data, "first", settings)) {
      awaitReadyCluster(first);
      created(first.api("POST", "/api/jobs?reason=process%20test", job("orders-restart")));
      run =
          JSON.readTree(
                  created(
                      first.api(
                          "POST", "/api/jobs/orders-restart/run-now?reason=process%20test", null)))
              .path("id")
              .asText();
      JsonNode running =
          await("the run runs under the first console")
              .atMost(Duration.ofMinutes(3))
              .pollInterval(Duration.ofMillis(300))
              .until(() -> read(first, run), r -> "RUNNING".equals(r.path("state").asText()));
      firstCluster = running.path("cluster").asText();

      first.killDashNine();
    }

    try (ConsoleProcess second = ConsoleProcess.start(data, "second", settings)) {
      JsonNode done =
          await("the restarted console brings the run to its end")
              .atMost(Duration.ofMinutes(4))
              .pollInterval(Duration.ofSeconds(1))
              .until(() -> read(second, run), r -> finished(r.path("state").asText()));
      assertThat(done.path("state").asText())
          .as(done.path("failures").path("message").asText())
          .isEqualTo("SUCCEEDED");
      int attempts = done.path("attempt").asInt();

      // Livy saw exactly the submissions the attempts account for: a1 … aN, each once.
      List<String> expected = new ArrayList<>();
      for (int a = 1; a <= attempts; a++) {
        expected.add(run + "-a" + a);
      }
      assertThat(submissions(data, run)).isEqualTo(expected);

      JsonNode dead =
          JSON.readTree(second.api("GET", "/api/clusters/" + firstCluster, null).body());
      assertThat(dead.path("state").asText()).isEqualTo("FAILED");
      assertThat(livyProcessesOf(data.resolve("clusters").resolve("local-" + firstCluster)))
          .as("the first console's Livy is gone")
          .isZero();

      List<Long> lake = LakeRows.ids(data.resolve("lake/table=orders/batch=" + run));
      assertThat(lake).hasSize(ROWS).doesNotHaveDuplicates().isEqualTo(sourceIds());
    }
    assertThat(livyProcessesOf(data)).as("no Livy outlives the console").isZero();
  }

  @Test
  void whatTheConsoleAcknowledgedSurvivesAKillDashNineTheMomentAfter() throws Exception {
    Path data = Files.createTempDirectory(Files.createDirectories(WORK), "acknowledged-");
    List<String> jobs = List.of("ack-1", "ack-2", "ack-3");
    Map<String, String> settings =
        Map.of(
            "lakeops.sources.shop.jdbc-url",
            source.url("shop"),
            "lakeops.sources.shop.user",
            "root",
            // Durability of writes only: a cluster launched by the killed console would outlive the
            // second one, which stops before its first pass finds it (it was seen left running).
            "lakeops.pools.small.desired",
            "0");
    String session;
    Path firstLog;
    try (ConsoleProcess first = ConsoleProcess.start(data, "first", settings)) {
      firstLog = first.log();
      session = first.formLogin();
      assertThat(first.page("/jobs", session).statusCode()).isEqualTo(200);
      for (String id : jobs) {
        created(first.api("POST", "/api/jobs?reason=durability", job(id)));
      }
      first.killDashNine(); // no time for a background flush: only what each commit wrote is left
    }
    try (ConsoleProcess second = ConsoleProcess.start(data, "second", settings)) {
      assertThat(second.page("/jobs", session).statusCode())
          .as("the browser's session outlives the restart: the same key encrypts it")
          .isEqualTo(200);
      String key = Files.readString(data.resolve("session.key")).strip();
      assertThat(Files.readString(firstLog) + Files.readString(second.log()))
          .as("the session key is never logged")
          .doesNotContain(key)
          .doesNotContain("Encryption key was not specified");
      for (String id : jobs) {
        assertThat(second.api("GET", "/api/jobs/" + id, null).statusCode())
            .as("job %s, created with a 201 before the kill", id)
            .isEqualTo(200);
      }
      await("the audit tells of each creation")
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () ->
                  JSON.readTree(
                          second.api("GET", "/api/audit?entityKind=job&limit=50", null).body())
                      .path("items")
                      .findValuesAsText("entityId"),
              ids -> ids.containsAll(jobs));
    }
  }

  @Test
  void aConsoleKilledMidRotationLeavesNoOrphanAndThePoolIsWholeAgainAfterTheRestart()
      throws Exception {
    Path data = Files.createTempDirectory(Files.createDirectories(WORK), "rotation-");
    Map<String, String> settings = Map.of("lakeops.scheduler.lease-ttl", "8s");
    try (ConsoleProcess first = ConsoleProcess.start(data, "first", settings)) {
      awaitReadyCluster(first);
      created(first.api("POST", "/api/pools/small/rotate?reason=process%20test", null));
      await("the replacement is launched")
          .atMost(Duration.ofMinutes(1))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> liveClusters(first).size() == 2);

      first.killDashNine();
    }
    assertThat(livyProcessesOf(data))
        .as("a killed console leaves its clusters behind")
        .isPositive();

    try (ConsoleProcess second = ConsoleProcess.start(data, "second", settings)) {
      List<JsonNode> live =
          await("the pool is whole again: one READY cluster, no rotation left")
              .atMost(Duration.ofMinutes(3))
              .pollInterval(Duration.ofSeconds(1))
              .until(
                  () -> liveClusters(second),
                  l ->
                      l.size() == 1
                          && "READY".equals(l.get(0).path("state").asText())
                          && l.get(0).path("rotation").isMissingNode());
      String survivor = live.get(0).path("id").asText();
      assertThat(livyProcessesOf(data))
          .as("no orphan: only the live cluster's Livy runs; running: %s", livyCommandLines(data))
          .isEqualTo(1)
          .isEqualTo(livyProcessesOf(data.resolve("clusters").resolve("local-" + survivor)));
      JsonNode history =
          JSON.readTree(second.api("GET", "/api/clusters?pool=small&limit=50", null).body())
              .path("items");
      for (JsonNode c : history) {
        if (!c.path("id").asText().equals(survivor)) {
          assertThat(c.path("state").asText())
              .as("the first console's clusters are ended on record")
              .isIn("FAILED", "TERMINATED");
        }
      }
    }
    assertThat(livyProcessesOf(data)).isZero();
  }

  private static List<JsonNode> liveClusters(ConsoleProcess console) throws Exception {
    List<JsonNode> live = new ArrayList<>();
    JSON.readTree(console.api("GET", "/api/clusters", null).body())
        .path("items")
        .forEach(live::add);
    return live;
  }

  private static String job(String id) {
    return """
        {"id": "%s", "description": "process restart", "kind": "extraction", "pool": "small",
         "schedule": "cron 0 0 1 1 *",
         "retry": {"maxJobRetries": 1, "maxInfrastructureRetries": 3, "initialBackoff": "1s", "maxBackoff": "2s"},
         "extraction": {"source": "shop", "table": "orders", "keyColumns": ["id"],
                        "watermarkColumn": "updated_at", "parallelism": 2}}
        """
        .formatted(id);
  }

  private static void awaitReadyCluster(ConsoleProcess console) {
    await("a READY local cluster")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              JsonNode items =
                  JSON.readTree(console.api("GET", "/api/clusters", null).body()).path("items");
              for (JsonNode c : items) {
                if ("READY".equals(c.path("state").asText())) {
                  return true;
                }
              }
              return false;
            });
  }

  private static String created(java.net.http.HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
    return response.body();
  }

  private static JsonNode read(ConsoleProcess console, String run) throws Exception {
    return JSON.readTree(console.api("GET", "/api/runs/" + run, null).body());
  }

  private static boolean finished(String state) {
    return List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(state);
  }

  /** Batch names Livy was asked to create for {@code run}, across every cluster of the data dir. */
  private static List<String> submissions(Path data, String run) throws Exception {
    List<String> names = new ArrayList<>();
    try (Stream<Path> logs = Files.walk(data.resolve("clusters"))) {
      for (Path log :
          logs.filter(p -> p.getFileName().toString().equals("livy-server.log")).toList()) {
        for (String line : Files.readAllLines(log)) {
          Matcher m = SUBMISSION.matcher(line);
          if (m.find() && m.group(1).startsWith(run + "-a")) {
            names.add(m.group(1));
          }
        }
      }
    }
    return names.stream().sorted().toList();
  }

  private static List<String> livyCommandLines(Path dir) {
    String marker = dir.toAbsolutePath().toString();
    return ProcessHandle.allProcesses()
        .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
        .filter(c -> c.contains("LivyServer") && c.contains(marker))
        .toList();
  }

  private static long livyProcessesOf(Path dir) {
    String marker = dir.toAbsolutePath().toString();
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().map(c -> c.contains("LivyServer")).orElse(false))
        .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
        .count();
  }

  private static List<Long> sourceIds() throws Exception {
    try (Connection c = source.connect("shop")) {
      return OrdersTable.ids(c, "orders");
    }
  }
}
