package io.lakeops.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lakeops.process.ConsoleProcess;
import io.lakeops.testdata.MariaDbServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Failover and rotation times in the embedded default, over the packaged console as its own process
 * (the README's run command, the default 5 s leader pass): per trial, a run is running on a local
 * cluster of pool {@code small} (two wanted, so another READY one exists), the cluster is killed
 * with Simulate spot loss (SIGKILL to its Livy and drivers), and the benchmark reads from the API
 * when the death was recorded, when the run was RUNNING again elsewhere, and when the pool had two
 * READY clusters again. Then one-click rotations: click to the replacement READY and to the old
 * cluster TERMINATED. Usage: src/bench/failover.sh [trials].
 */
public final class FailoverBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path WORK = Path.of("target/failover-bench").toAbsolutePath();

  public static void main(String[] args) throws Exception {
    int trials = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    try (MariaDbServer source = MariaDbServer.start(WORK.resolve("mariadb"))) {
      fill(source);
      Path data = Files.createTempDirectory(Files.createDirectories(WORK), "data-");
      Map<String, String> settings =
          Map.of(
              "lakeops.sources.shop.jdbc-url", source.url("shop"),
              "lakeops.sources.shop.user", "root",
              "lakeops.scheduler.interval", "5s",
              "lakeops.pools.small.desired", "2",
              "lakeops.local-clusters.max-concurrent", "3",
              "lakeops.jobs.minimum-interval", "10s");
      try (ConsoleProcess console = ConsoleProcess.start(data, "bench", settings)) {
        awaitReady(console, 2);
        created(console.api("POST", "/api/jobs?reason=bench", job()));
        System.out.printf(
            "%-6s %16s %16s %16s%n",
            "trial", "death_recorded_s", "runs_running_s", "replaced_ready_s");
        for (int t = 1; t <= trials; t++) {
          System.out.printf("%-6d %s%n", t, failover(console));
        }
        System.out.printf("%n%-6s %18s %18s%n", "trial", "replacement_ready_s", "old_terminated_s");
        for (int t = 1; t <= Math.max(1, trials / 2); t++) {
          awaitReady(console, 2);
          System.out.printf("%-6d %s%n", t, rotation(console));
        }
      }
    }
  }

  private static String failover(ConsoleProcess console) throws Exception {
    String run = runNow(console);
    JsonNode running = await(() -> get(console, "/api/runs/" + run), r -> is(r, "RUNNING"), 180);
    String cluster = running.path("cluster").asText();
    Instant killed = Instant.now();
    created(console.api("POST", "/api/clusters/" + cluster + "/simulate-loss?reason=bench", null));
    JsonNode dead =
        await(() -> get(console, "/api/clusters/" + cluster), c -> is(c, "FAILED"), 120);
    JsonNode again =
        await(
            () -> get(console, "/api/runs/" + run),
            r -> r.path("attempt").asInt() > 1 && (is(r, "RUNNING") || is(r, "SUCCEEDED")),
            180);
    Instant runningAgain =
        again.path("timings").path("started").isMissingNode()
            ? Instant.now()
            : Instant.parse(again.path("timings").path("started").asText());
    awaitReady(console, 2);
    Instant replaced = Instant.now();
    await(() -> get(console, "/api/runs/" + run), r -> is(r, "SUCCEEDED"), 180);
    return String.format(
        "%16.1f %16.1f %16.1f",
        seconds(killed, Instant.parse(dead.path("endedAt").asText())),
        seconds(killed, runningAgain),
        seconds(killed, replaced));
  }

  private static String rotation(ConsoleProcess console) throws Exception {
    Instant clicked = Instant.now();
    JsonNode old =
        JSON.readTree(created(console.api("POST", "/api/pools/small/rotate?reason=bench", null)));
    String id = old.path("id").asText();
    JsonNode ended =
        await(() -> get(console, "/api/clusters/" + id), c -> is(c, "TERMINATED"), 300);
    String replacement = ended.path("rotation").path("replacement").asText();
    JsonNode fresh = get(console, "/api/clusters/" + replacement);
    return String.format(
        "%18.1f %18.1f",
        seconds(clicked, Instant.parse(fresh.path("readyAt").asText())),
        seconds(clicked, Instant.parse(ended.path("endedAt").asText())));
  }

  private static void awaitReady(ConsoleProcess console, int count) throws Exception {
    await(
        () -> get(console, "/api/clusters"),
        page -> {
          int ready = 0;
          for (JsonNode c : page.path("items")) {
            ready += is(c, "READY") && c.path("rotation").isMissingNode() ? 1 : 0;
          }
          return ready >= count;
        },
        300);
  }

  private static String runNow(ConsoleProcess console) throws Exception {
    return JSON.readTree(
            created(console.api("POST", "/api/jobs/bench-orders/run-now?reason=bench", null)))
        .path("id")
        .asText();
  }

  private interface Read {
    JsonNode get() throws Exception;
  }

  private static JsonNode await(Read read, Predicate<JsonNode> done, int seconds) throws Exception {
    Instant deadline = Instant.now().plusSeconds(seconds);
    while (Instant.now().isBefore(deadline)) {
      JsonNode value = read.get();
      if (done.test(value)) {
        return value;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("not within " + seconds + " s");
  }

  private static JsonNode get(ConsoleProcess console, String path) throws Exception {
    return JSON.readTree(console.api("GET", path, null).body());
  }

  private static boolean is(JsonNode record, String state) {
    return state.equals(record.path("state").asText());
  }

  private static String created(java.net.http.HttpResponse<String> response) {
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  private static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / 1000.0;
  }

  private static String job() {
    return """
        {"id": "bench-orders", "description": "failover benchmark", "kind": "extraction", "pool": "small",
         "schedule": "cron 0 0 1 1 *",
         "retry": {"maxJobRetries": 1, "maxInfrastructureRetries": 20, "initialBackoff": "1s", "maxBackoff": "2s"},
         "extraction": {"source": "shop", "table": "orders", "keyColumns": ["id"],
                        "watermarkColumn": "updated_at", "parallelism": 2}}
        """;
  }

  private static void fill(MariaDbServer source) throws Exception {
    try (Connection c = source.connect("");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE shop");
    }
    try (Connection c = source.connect("shop");
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE orders (id BIGINT PRIMARY KEY, updated_at DATETIME(3) NOT NULL)");
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO orders VALUES (?, ?)")) {
        for (long i = 1; i <= 20_000; i++) {
          insert.setLong(1, i);
          insert.setTimestamp(
              2, java.sql.Timestamp.from(Instant.parse("2026-05-01T00:00:00Z").plusSeconds(i)));
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
  }
}
