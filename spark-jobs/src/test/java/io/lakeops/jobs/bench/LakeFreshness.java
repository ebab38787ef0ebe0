package io.lakeops.jobs.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * The freshness of what a running console extracted (src/bench/freshness.sh): for every row of
 * every succeeded run scheduled in [from, to), the time from the row's change timestamp in the
 * source to the moment its batch became visible in the lake (the manifest's {@code publishedAt}),
 * and per run where that time went, from the run record (the API), the moment it was submitted (its
 * audit trail) and the phase timings the job wrote into its manifest. The rows are read back from
 * the published Parquet files with parquet-hadoop alone, not with Spark.
 *
 * <p>Arguments: console URL, user, password, lake directory, from, to (ISO instants), the change
 * timestamp column, a label for the printed lines.
 */
public final class LakeFreshness {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private final String console;
  private final String authorization;

  private LakeFreshness(String console, String user, String password) {
    this.console = console;
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  public static void main(String[] args) throws Exception {
    LakeFreshness bench = new LakeFreshness(args[0], args[1], args[2]);
    Path lake = Path.of(args[3]);
    Instant from = Instant.parse(args[4]);
    Instant to = Instant.parse(args[5]);
    String column = args[6];
    String label = args[7];
    bench.report(lake, from, to, column, label);
  }

  private void report(Path lake, Instant from, Instant to, String column, String label)
      throws Exception {
    Map<String, Path> manifests = manifests(lake);
    List<Double> freshness = new ArrayList<>();
    List<Double> consoleSeen = new ArrayList<>();
    Map<String, List<Double>> phases = new LinkedHashMap<>();
    int runs = 0;
    int skipped = 0;
    Map<String, Integer> notSucceeded = new LinkedHashMap<>();
    for (JsonNode run : allRuns()) {
      String high = run.path("window").path("high").asText();
      String low = run.path("window").path("low").asText();
      Instant scheduled = Instant.parse(run.path("scheduledFor").asText());
      if (high.isEmpty() || scheduled.isBefore(from) || !scheduled.isBefore(to)) {
        continue;
      }
      String state = run.path("state").asText();
      if (!state.equals("SUCCEEDED")) {
        notSucceeded.merge(state, 1, Integer::sum);
        continue;
      }
      if (low.isEmpty()) {
        skipped++; // the first full load: its rows were committed before the console started
        continue;
      }
      String id = run.path("id").asText();
      Path manifestPath = manifests.get(id);
      if (manifestPath == null) {
        System.out.println(label + ": no manifest for " + id);
        continue;
      }
      JsonNode manifest = JSON.readTree(manifestPath.toFile());
      JsonNode t = manifest.path("timings");
      Instant windowHigh = Instant.parse(high);
      Instant created = Instant.parse(run.path("timings").path("created").asText());
      Instant submitted = submittedAt(id);
      Instant jvm = Instant.parse(t.path("jvmStartedAt").asText());
      Instant started = Instant.parse(t.path("startedAt").asText());
      Instant published = Instant.parse(t.path("publishedAt").asText());
      Instant finished = Instant.parse(run.path("timings").path("finished").asText());
      List<Instant> changed = changeTimes(manifest.path("output").asText(), column);
      double waitSum = 0;
      for (Instant c : changed) {
        freshness.add(seconds(c, published));
        consoleSeen.add(seconds(c, finished));
        waitSum += seconds(c, windowHigh);
      }
      runs++;
      add(phases, "rows", changed.size());
      add(
          phases,
          "wait for window to close (row mean)",
          changed.isEmpty() ? 0 : waitSum / changed.size());
      add(phases, "scheduler pass (window high -> run created)", seconds(windowHigh, created));
      add(phases, "dispatch + Livy POST (created -> submitted)", seconds(created, submitted));
      add(phases, "Livy launch (submitted -> driver JVM start)", seconds(submitted, jvm));
      add(phases, "JVM + Spark start (JVM start -> job main ready)", seconds(jvm, started));
      add(phases, "schema read and check", t.path("schemaMs").asDouble() / 1000);
      add(phases, "read + stage to Parquet", t.path("readAndStageMs").asDouble() / 1000);
      add(phases, "checks", t.path("checksMs").asDouble() / 1000);
      add(phases, "publish", t.path("publishMs").asDouble() / 1000);
      add(phases, "window high -> published (total)", seconds(windowHigh, published));
      add(
          phases,
          "published -> console sees finish (not in freshness)",
          seconds(published, finished));
    }
    System.out.printf(
        "%s: %d runs (%d first full loads left out), %d rows; freshness (change -> visible in the lake)"
            + " p50 %.1f s, p95 %.1f s, max %.1f s; (change -> run finished in the console) p50 %.1f"
            + " s, p95 %.1f s, max %.1f s%n",
        label,
        runs,
        skipped,
        freshness.size(),
        percentile(freshness, 50),
        percentile(freshness, 95),
        percentile(freshness, 100),
        percentile(consoleSeen, 50),
        percentile(consoleSeen, 95),
        percentile(consoleSeen, 100));
    if (!notSucceeded.isEmpty()) {
      System.out.printf(
          "%s: runs in the period not succeeded (left out): %s%n", label, notSucceeded);
    }
    System.out.printf("%s: breakdown, mean over runs (min - max):%n", label);
    for (Map.Entry<String, List<Double>> e : phases.entrySet()) {
      List<Double> v = e.getValue();
      System.out.printf(
          "  %-54s %7.2f  (%.2f - %.2f)%n",
          e.getKey(),
          v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN),
          Collections.min(v),
          Collections.max(v));
    }
  }

  private static void add(Map<String, List<Double>> phases, String name, double value) {
    phases.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
  }

  private static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / 1000.0;
  }

  /** Nearest-rank percentile; 100 is the maximum. */
  static double percentile(List<Double> values, int p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  private List<JsonNode> allRuns() throws Exception {
    List<JsonNode> runs = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page =
          get("/api/runs?limit=500" + (cursor == null ? "" : "&cursor=" + encode(cursor)));
      page.path("items").forEach(runs::add);
      cursor = page.path("next").isTextual() ? page.path("next").asText() : null;
    } while (cursor != null);
    return runs;
  }

  /** When the run's current attempt was submitted: the audit entry that moved it to SUBMITTED. */
  private Instant submittedAt(String runId) throws Exception {
    JsonNode page = get("/api/audit?entityKind=run&limit=500&entityId=" + encode(runId));
    Instant submitted = null;
    for (JsonNode entry : page.path("items")) {
      JsonNode after = after(entry);
      if ("SUBMITTED".equals(after.path("state").asText())) {
        Instant at = Instant.parse(after.path("updatedAt").asText());
        submitted = submitted == null || at.isAfter(submitted) ? at : submitted;
      }
    }
    if (submitted == null) {
      throw new IllegalStateException("no SUBMITTED audit entry for " + runId + ": " + page);
    }
    return submitted;
  }

  private static JsonNode after(JsonNode entry) throws IOException {
    JsonNode after = entry.path("after");
    return after.isTextual() ? JSON.readTree(after.asText()) : after;
  }

  private JsonNode get(String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(console + path))
            .header("Authorization", authorization)
            .header("Accept", "application/json")
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(path + ": HTTP " + response.statusCode() + " " + response.body());
    }
    return JSON.readTree(response.body());
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Every run's published manifest in the lake, by run id. */
  private static Map<String, Path> manifests(Path lake) throws IOException {
    Map<String, Path> byRun = new HashMap<>();
    try (Stream<Path> files = Files.walk(lake)) {
      files
          .filter(p -> p.getParent().getFileName().toString().equals("_manifests"))
          .filter(p -> p.getFileName().toString().matches("batch=.*\\.json"))
          .forEach(
              p -> {
                String name = p.getFileName().toString();
                byRun.put(name.substring("batch=".length(), name.length() - ".json".length()), p);
              });
    }
    return byRun;
  }

  /** The change timestamp of every row of a published batch, read from its Parquet files. */
  static List<Instant> changeTimes(String batchDir, String column) throws IOException {
    Path dir = Path.of(URI.create(batchDir.startsWith("/") ? "file://" + batchDir : batchDir));
    List<Path> parts;
    try (Stream<Path> files = Files.list(dir)) {
      parts = files.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
    }
    List<Instant> times = new ArrayList<>();
    Configuration conf = new Configuration();
    for (Path part : parts) {
      try (ParquetReader<Group> reader =
          ParquetReader.builder(new GroupReadSupport(), new org.apache.hadoop.fs.Path(part.toUri()))
              .withConf(conf)
              .build()) {
        for (Group row = reader.read(); row != null; row = reader.read()) {
          if (row.getFieldRepetitionCount(column) > 0) {
            times.add(instant(row, column));
          }
        }
      }
    }
    return times;
  }

  private static Instant instant(Group row, String column) {
    PrimitiveType type = row.getType().getType(column).asPrimitiveType();
    if (type.getPrimitiveTypeName() == PrimitiveTypeName.INT96) {
      // Spark's default: 8 bytes of nanoseconds in the day, then 4 of Julian day, little-endian.
      ByteBuffer b = row.getInt96(column, 0).toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
      long nanos = b.getLong();
      long julianDay = b.getInt();
      long epochDay = julianDay - 2_440_588L;
      return Instant.ofEpochSecond(epochDay * 86_400L).plusNanos(nanos);
    }
    long value = row.getLong(column, 0);
    if (type.getLogicalTypeAnnotation()
            instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts
        && ts.getUnit() == LogicalTypeAnnotation.TimeUnit.MILLIS) {
      return Instant.ofEpochMilli(value);
    }
    return Instant.ofEpochSecond(0).plusNanos(value * 1000);
  }
}
