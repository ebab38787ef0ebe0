package io.lakeops.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lakeops.web.HeadlessChrome;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The whole demo lake as the README's run command brings it up, over the packaged console in its
 * own process: local clusters in two pools, the demo's shop, Kafka, click stream and PostgreSQL,
 * and the jobs of src/demo/jobs.yaml. Then the console is killed with {@code kill -9} and started
 * again over the same data directory: the same lake goes on, its windows without gap or overlap.
 */
class DemoLakeProcessIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path WORK = Path.of("target/process-it").toAbsolutePath();
  private static final Duration FIRST_START = Duration.ofMinutes(5);

  @Test
  void theDemoLakeRunsBothPoolsAndTheStreamAndAfterAKillGoesOnWithTheSameLake() throws Exception {
    Path data = Files.createTempDirectory(Files.createDirectories(WORK), "demo-");
    Map<String, String> demo =
        Map.of(
            "lakeops.demo.enabled", "true",
            "lakeops.demo.home", System.getProperty("lakeops.demoHome"),
            "lakeops.demo.jobs-file", System.getProperty("lakeops.demoJobs"),
            "lakeops.pools.large.desired", "1",
            "lakeops.pools.small.concurrent-runs", "2");
    long clicksBefore;
    Instant lastWindow;
    try (ConsoleProcess first = ConsoleProcess.start(data, "first", demo)) {
      // The first window may close before the new shop's first trade: rows come with a later one.
      await("two clusters ready, extractions succeeded in each pool with orders, clicks stored")
          .atMost(FIRST_START)
          .pollInterval(Duration.ofSeconds(3))
          .until(
              () ->
                  readyClusters(first) >= 2
                      && rowsWritten(first, "shop-orders") > 0
                      && !succeeded(first, "shop-customers").isEmpty()
                      && pageClicks(data) > 0);
      assertThat(succeeded(first, "shop-orders").get(0).path("cluster").asText())
          .startsWith("small-");
      assertThat(succeeded(first, "shop-customers").get(0).path("cluster").asText())
          .startsWith("large-");
      assertThat(first.page("/", first.formLogin()).body())
          .as("the dashboard says where the demo lake stands")
          .contains("Demo lake, READY: all demo services ready");
      JsonNode stream = runsOf(first, "page-clicks").get(0);
      assertThat(stream.path("state").asText()).isEqualTo("RUNNING");
      if (browserAvailable()) {
        try (HeadlessChrome chrome = new HeadlessChrome()) {
          DashboardTour tour = new DashboardTour(first, chrome);
          tour.dashboardShowsTheLakeLive();
          tour.runNowSucceeds("shop-customers");
        }
      }
      clicksBefore = pageClicks(data);
      lastWindow =
          Instant.parse(succeeded(first, "shop-orders").get(0).path("scheduledFor").asText());
      first.killDashNine();
    }

    try (ConsoleProcess second = ConsoleProcess.start(data, "second", demo)) {
      await("a later window succeeds after the restart, and the stream goes on")
          .atMost(FIRST_START)
          .pollInterval(Duration.ofSeconds(3))
          .until(
              () ->
                  succeeded(second, "shop-orders").stream()
                          .anyMatch(
                              r ->
                                  Instant.parse(r.path("scheduledFor").asText())
                                      .isAfter(lastWindow))
                      && pageClicks(data) > clicksBefore);
      // Windows are fixed when their run is made: every run, whatever its state, takes the next.
      List<JsonNode> windows = new ArrayList<>(runsOf(second, "shop-orders"));
      windows.sort(Comparator.comparing(r -> r.path("scheduledFor").asText()));
      for (int i = 1; i < windows.size(); i++) {
        assertThat(windows.get(i).path("window").path("low").asText())
            .as(
                "window %s follows %s without gap or overlap",
                windows.get(i).path("id"), windows.get(i - 1).path("id"))
            .isEqualTo(windows.get(i - 1).path("window").path("high").asText());
      }
      String log =
          Files.readString(second.log())
              + Files.readString(data.resolveSibling(data.getFileName() + "-first.log"));
      assertThat(log)
          .as("the demo shop's password is never logged")
          .doesNotContain(Files.readString(data.resolve("demo/shop.password")).strip());
      List<String> found =
          new SecretSweep(
                  second,
                  Map.of(
                      "the demo shop's password",
                      Files.readString(data.resolve("demo/shop.password")).strip(),
                      "the session key",
                      Files.readString(data.resolve("session.key")).strip(),
                      "the admin's password",
                      ConsoleProcess.ADMIN_PASSWORD))
              .findings(
                  windows.stream().limit(5).map(r -> r.path("id").asText()).toList(),
                  data,
                  List.of(second.log(), data.resolveSibling(data.getFileName() + "-first.log")));
      assertThat(found.get(found.size() - 1))
          .as("places read")
          .matches("[1-9][0-9]{2,} places read");
      assertThat(found.subList(0, found.size() - 1)).as("secrets found").isEmpty();
    }
    assertThat(processesNaming(data)).as("nothing outlives the console").isEmpty();
  }

  /** Chromium and chromedriver: always in CI (.ci/run installs them); elsewhere perhaps not. */
  private static boolean browserAvailable() {
    if ("true".equals(System.getenv("CI"))) {
      assertThat(HeadlessChrome.installed()).as("chromium and chromedriver in CI").isTrue();
    }
    if (!HeadlessChrome.installed()) {
      System.err.println(
          "DemoLakeProcessIT: no chromium/chromedriver here, the browser tour is left out");
    }
    return HeadlessChrome.installed();
  }

  private static long readyClusters(ConsoleProcess console) throws Exception {
    long ready = 0;
    for (JsonNode c :
        JSON.readTree(console.api("GET", "/api/clusters", null).body()).path("items")) {
      ready += "READY".equals(c.path("state").asText()) ? 1 : 0;
    }
    return ready;
  }

  private static List<JsonNode> runsOf(ConsoleProcess console, String job) throws Exception {
    List<JsonNode> runs = new ArrayList<>();
    JSON.readTree(console.api("GET", "/api/runs?limit=200&job=" + job, null).body())
        .path("items")
        .forEach(runs::add);
    return runs;
  }

  private static long rowsWritten(ConsoleProcess console, String job) throws Exception {
    return succeeded(console, job).stream()
        .mapToLong(r -> r.path("result").path("rowsWritten").asLong())
        .sum();
  }

  private static List<JsonNode> succeeded(ConsoleProcess console, String job) throws Exception {
    return runsOf(console, job).stream()
        .filter(r -> "SUCCEEDED".equals(r.path("state").asText()))
        .toList();
  }

  /** Rows of the streaming job's aggregates, read from the demo's PostgreSQL directly. */
  private static long pageClicks(Path data) throws Exception {
    Properties ports = new Properties();
    try (InputStream in = Files.newInputStream(data.resolve("demo/ports.properties"))) {
      ports.load(in);
    }
    String url = "jdbc:postgresql://127.0.0.1:" + ports.getProperty("sink-port") + "/postgres";
    try (Connection c = DriverManager.getConnection(url, "postgres", "");
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT COALESCE(SUM(clicks), 0) FROM page_clicks")) {
      r.next();
      return r.getLong(1);
    } catch (java.sql.SQLException notYet) {
      return 0; // the sink is not up, or the job has not made its table yet
    }
  }

  private static List<String> processesNaming(Path data) {
    String marker = data.toAbsolutePath().toString();
    return ProcessHandle.allProcesses()
        .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
        .filter(c -> c.contains(marker))
        .toList();
  }
}
