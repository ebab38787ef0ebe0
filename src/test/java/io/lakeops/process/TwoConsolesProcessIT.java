package io.lakeops.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lakeops.adapters.dynamodb.DynaliteServer;
import io.lakeops.testdata.MariaDbServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Two console processes on one DynamoDB-compatible store (dynalite): both serve the console, one
 * leads. Over several scheduled windows, exactly one console launches clusters and submits runs,
 * and each run is submitted to Livy exactly once.
 */
class TwoConsolesProcessIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SUBMISSION =
      Pattern.compile("Creating batch session \\d+: .* name: ([^,\\]]+)");
  private static final Path WORK = Path.of("target/process-it").toAbsolutePath();

  @Test
  void exactlyOneConsoleRunsTheLoopsAndEachRunIsSubmittedOnce() throws Exception {
    try (MariaDbServer source = MariaDbServer.start(WORK.resolve("mariadb-two"));
        DynaliteServer dynalite = DynaliteServer.start()) {
      try (Connection c = source.connect("");
          Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE shop");
      }
      try (Connection c = source.connect("shop");
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE events (id BIGINT PRIMARY KEY, updated_at DATETIME(3) NOT NULL)");
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO events VALUES (?, ?)")) {
          for (int i = 1; i <= 50; i++) {
            insert.setLong(1, i);
            insert.setTimestamp(
                2, java.sql.Timestamp.from(Instant.parse("2026-04-01T00:00:00Z").plusSeconds(i)));
            insert.addBatch();
          }
          insert.executeBatch();
        }
      }
      Map<String, String> settings = new HashMap<>();
      settings.put("lakeops.store.type", "dynamodb");
      settings.put("lakeops.store.dynamodb.endpoint-override", dynalite.endpoint().toString());
      settings.put("lakeops.store.dynamodb.create-tables", "true");
      settings.put("lakeops.store.dynamodb.table-prefix", "two-");
      settings.put("lakeops.sources.shop.jdbc-url", source.url("shop"));
      settings.put("lakeops.sources.shop.user", "root");
      settings.put("lakeops.jobs.minimum-interval", "10s");
      Path dataA = Files.createTempDirectory(Files.createDirectories(WORK), "replica-a-");
      Path dataB = Files.createTempDirectory(WORK, "replica-b-");
      // Both write the one shared lake, as two consoles of one installation would on S3.
      Path lake = Files.createDirectories(WORK.resolve("two-lake"));
      settings.put("lakeops.lake.base", lake.toString());

      try (ConsoleProcess a = ConsoleProcess.start(dataA, "a", settings);
          ConsoleProcess b = ConsoleProcess.start(dataB, "b", settings)) {
        String job =
            """
            {"id": "events-two", "description": "two replicas", "kind": "extraction", "pool": "small",
             "schedule": "every 15s",
             "retry": {"maxJobRetries": 1, "maxInfrastructureRetries": 3, "initialBackoff": "1s", "maxBackoff": "2s"},
             "extraction": {"source": "shop", "table": "events", "keyColumns": ["id"],
                            "watermarkColumn": "updated_at", "parallelism": 1}}
            """;
        assertThat(a.api("POST", "/api/jobs?reason=two%20replicas", job).statusCode())
            .isEqualTo(201);

        List<JsonNode> done =
            await("three windows succeed")
                .atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> succeeded(b), runs -> runs.size() >= 3);
        assertThat(done).allMatch(r -> r.path("attempt").asInt() == 1);

        boolean aLeads = hasClusters(dataA);
        assertThat(aLeads)
            .as("exactly one console launched clusters")
            .isNotEqualTo(hasClusters(dataB));
        List<String> names = new ArrayList<>(submissions(dataA));
        names.addAll(submissions(dataB));
        for (JsonNode run : done) {
          assertThat(names)
              .as("submissions of " + run.path("id").asText())
              .containsOnlyOnce(run.path("id").asText() + "-a1");
        }
        assertThat(names).doesNotHaveDuplicates();
      }
    }
  }

  private static List<JsonNode> succeeded(ConsoleProcess console) throws Exception {
    JsonNode items =
        JSON.readTree(console.api("GET", "/api/runs?job=events-two&limit=50", null).body())
            .path("items");
    List<JsonNode> runs = new ArrayList<>();
    items.forEach(
        r -> {
          if ("SUCCEEDED".equals(r.path("state").asText())) {
            runs.add(r);
          }
        });
    return runs;
  }

  private static boolean hasClusters(Path data) throws Exception {
    Path clusters = data.resolve("clusters");
    if (!Files.isDirectory(clusters)) {
      return false;
    }
    try (Stream<Path> dirs = Files.list(clusters)) {
      return dirs.findAny().isPresent();
    }
  }

  private static List<String> submissions(Path data) throws Exception {
    List<String> names = new ArrayList<>();
    if (!Files.isDirectory(data.resolve("clusters"))) {
      return names;
    }
    try (Stream<Path> logs = Files.walk(data.resolve("clusters"))) {
      for (Path log :
          logs.filter(p -> p.getFileName().toString().equals("livy-server.log")).toList()) {
        for (String line : Files.readAllLines(log)) {
          Matcher m = SUBMISSION.matcher(line);
          if (m.find()) {
            names.add(m.group(1));
          }
        }
      }
    }
    return names;
  }
}
