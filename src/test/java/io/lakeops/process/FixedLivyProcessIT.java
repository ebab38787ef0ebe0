package io.lakeops.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lakeops.adapters.local.StandaloneLivy;
import io.lakeops.testdata.LakeRows;
import io.lakeops.testdata.MariaDbServer;
import io.lakeops.testdata.OrdersTable;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Livy server the operator runs ({@code lakeops.clusters.provider=livy}): a real Livy 0.7.1
 * started by the test, outside the console, named by {@code lakeops.pools.small.livy-endpoint}. The
 * packaged console records a cluster for it, runs an extraction there to SUCCEEDED, rotates the
 * pool onto a new record of the same server, and stops, and the server runs on throughout: the
 * console neither starts nor stops it.
 */
class FixedLivyProcessIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ROWS = 150;
  private static final Path WORK = Path.of("target/fixed-livy-it").toAbsolutePath();

  private static MariaDbServer source;
  private static StandaloneLivy livy;

  @BeforeAll
  static void sourceAndLivy() throws Exception {
    source = MariaDbServer.start(WORK.resolve("mariadb"));
    OrdersTable.createShop(source, ROWS, Instant.parse("2026-09-01T00:00:00Z"));
    livy =
        StandaloneLivy.start(
            Path.of(System.getProperty("lakeops.localClusterHome", "target/local-cluster")),
            WORK.resolve("livy"));
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (livy != null) {
        livy.close();
      }
    } finally {
      source.close();
    }
  }

  @Test
  void theConsoleRunsJobsOnALivyItDoesNotOwnAndLeavesItRunning() throws Exception {
    Path data = Files.createTempDirectory(Files.createDirectories(WORK), "data-");
    String endpoint = livy.endpoint().toString();
    Map<String, String> settings =
        Map.of(
            "lakeops.clusters.provider",
            "livy",
            "lakeops.pools.small.livy-endpoint",
            endpoint,
            "lakeops.sources.shop.jdbc-url",
            source.url("shop"),
            "lakeops.sources.shop.user",
            "root");
    try (ConsoleProcess console = ConsoleProcess.start(data, "livy", settings)) {
      JsonNode first = awaitOneReady(console);
      assertThat(first.path("providerId").asText()).startsWith("livy:small/");
      assertThat(first.path("endpoint").asText()).isEqualTo(endpoint);

      created(console.api("POST", "/api/jobs?reason=fixed%20livy", job()));
      String run =
          JSON.readTree(
                  created(
                      console.api(
                          "POST", "/api/jobs/orders-livy/run-now?reason=fixed%20livy", null)))
              .path("id")
              .asText();
      JsonNode done =
          await("the run ends on the operator's Livy")
              .atMost(Duration.ofMinutes(3))
              .pollInterval(Duration.ofMillis(500))
              .until(
                  () -> JSON.readTree(console.api("GET", "/api/runs/" + run, null).body()),
                  r -> List.of("SUCCEEDED", "FAILED").contains(r.path("state").asText()));
      assertThat(done.path("state").asText())
          .as(done.path("failures").path("message").asText())
          .isEqualTo("SUCCEEDED");
      assertThat(done.path("cluster").asText()).isEqualTo(first.path("id").asText());
      assertThat(done.path("result").path("rowsWritten").asLong()).isEqualTo(ROWS);
      try (Connection c = source.connect("shop")) {
        assertThat(LakeRows.ids(data.resolve("lake/table=orders/batch=" + run)))
            .isEqualTo(OrdersTable.ids(c, "orders"));
      }

      created(console.api("POST", "/api/pools/small/rotate?reason=fixed%20livy", null));
      JsonNode released =
          await("the old record is released")
              .atMost(Duration.ofMinutes(2))
              .pollInterval(Duration.ofMillis(500))
              .until(
                  () ->
                      JSON.readTree(
                          console
                              .api("GET", "/api/clusters/" + first.path("id").asText(), null)
                              .body()),
                  c -> "TERMINATED".equals(c.path("state").asText()));
      assertThat(released.path("stateReason").asText()).contains("released");
      JsonNode replacement = awaitOneReady(console);
      assertThat(replacement.path("id").asText()).isNotEqualTo(first.path("id").asText());
      assertThat(replacement.path("endpoint").asText()).isEqualTo(endpoint);
      assertThat(answers(endpoint)).as("the server runs on after the rotation").isTrue();
    }
    assertThat(livy.process().isAlive()).as("the server outlives the console").isTrue();
    assertThat(answers(endpoint)).isTrue();
  }

  private static JsonNode awaitOneReady(ConsoleProcess console) {
    return await("one READY cluster of pool small")
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> {
              List<JsonNode> live = new ArrayList<>();
              JSON.readTree(console.api("GET", "/api/clusters", null).body())
                  .path("items")
                  .forEach(live::add);
              return live;
            },
            live -> live.size() == 1 && "READY".equals(live.get(0).path("state").asText()))
        .get(0);
  }

  private static boolean answers(String endpoint) throws Exception {
    HttpResponse<Void> batches =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(endpoint + "/batches")).GET().build(),
                HttpResponse.BodyHandlers.discarding());
    return batches.statusCode() == 200;
  }

  private static String job() {
    return """
        {"id": "orders-livy", "description": "fixed Livy", "kind": "extraction", "pool": "small",
         "schedule": "cron 0 0 1 1 *",
         "retry": {"maxJobRetries": 1, "maxInfrastructureRetries": 2, "initialBackoff": "1s", "maxBackoff": "2s"},
         "extraction": {"source": "shop", "table": "orders", "keyColumns": ["id"],
                        "watermarkColumn": "updated_at", "parallelism": 2}}
        """;
  }

  private static String created(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
    return response.body();
  }
}
