package io.lakeops.jobs.bench;

import io.lakeops.jobs.generator.ClickEvent;
import io.lakeops.jobs.generator.ClickStreamGenerator;
import io.lakeops.jobs.generator.ClickStreamSimulator;
import io.lakeops.jobs.generator.GeneratorConfig;
import io.lakeops.jobs.streaming.ClickStreamJob;
import io.lakeops.jobs.streaming.StreamingConfig;
import io.lakeops.jobs.testing.KafkaBroker;
import io.lakeops.jobs.testing.SharedPostgres;
import io.lakeops.jobs.testing.TestWork;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryProgress;

/**
 * Streaming figures at a 1 s trigger. Latency is event time (= the moment the generator sends it,
 * paced in real time) to the first poll of PostgreSQL (every 20 ms) at which the running total of
 * upserted events covers that event. Events are sent in event-time order, so "the total reached k"
 * is read as "the first k events are visible"; across Kafka partitions this is approximate to
 * within one micro-batch. Sustained rate: events / (first send to last event visible), and
 * separately how fast a backlog drains.
 */
final class StreamingBenchmark {
  private StreamingBenchmark() {}

  static void run(SparkSession spark, double rate, int seconds, int warmupSeconds)
      throws Exception {
    String topic = "bench-" + System.currentTimeMillis();
    KafkaBroker.createTopic(topic, 2);
    String table = "bench_live_" + (int) rate;
    StreamingConfig config = config(topic, table);
    ClickStreamJob.Running job = ClickStreamJob.start(spark, config);
    long warmup = warmUp(topic, table, rate, warmupSeconds);

    Instant start = Instant.now();
    GeneratorConfig gen =
        GeneratorConfig.of(KafkaBroker.bootstrapServers(), topic)
            .withRate(rate, Duration.ofSeconds(seconds))
            .withSeed(99, start);
    List<ClickEvent> events = new ArrayList<>();
    new ClickStreamSimulator(gen, start).forEachRemaining(events::add);
    ClickStreamGenerator generator = new ClickStreamGenerator(gen);
    long sendStart = System.nanoTime();
    generator.start();
    long[] visibleAt = new long[events.size()];
    int covered = 0;
    long deadline = System.currentTimeMillis() + (seconds + 120) * 1000L;
    try (Connection c = SharedPostgres.connect();
        Statement s = c.createStatement()) {
      while (covered < events.size() && System.currentTimeMillis() < deadline) {
        long now = System.currentTimeMillis();
        long total = total(s, table) - warmup;
        while (covered < Math.min(total, events.size())) {
          visibleAt[covered++] = now;
        }
        Thread.sleep(20);
      }
    }
    generator.awaitCompletion(Duration.ofSeconds(30));
    double sendSeconds = (System.nanoTime() - sendStart) / 1e9;
    String batches = batchStats(job);
    job.stop();
    if (covered < events.size()) {
      throw new IllegalStateException(
          "only " + covered + " of " + events.size() + " events arrived");
    }
    long warm = start.toEpochMilli();
    long[] latencies =
        java.util.stream.IntStream.range(0, events.size())
            .filter(i -> events.get(i).eventTime().toEpochMilli() >= warm)
            .mapToLong(i -> visibleAt[i] - events.get(i).eventTime().toEpochMilli())
            .sorted()
            .toArray();
    double span = (visibleAt[events.size() - 1] - start.toEpochMilli()) / 1000.0;
    System.out.printf(
        "streaming: %d events at %.0f/s target for %d s, trigger 1 s: sustained %.0f events/s;"
            + " event->PostgreSQL latency p50 %d ms, p95 %d ms, max %d ms (all %d events, after a %d s warm-up at the same rate)%n",
        events.size(),
        rate,
        seconds,
        events.size() / span,
        pct(latencies, 50),
        pct(latencies, 95),
        latencies[latencies.length - 1],
        latencies.length,
        warmupSeconds);
    System.out.printf(
        "streaming: generator sent its %d s of events in %.1f s; median micro-batch: %s%n",
        seconds, sendSeconds, batches);
  }

  /**
   * Streams {@code seconds} of events at the measured rate and waits until PostgreSQL has them all,
   * so JIT and Spark's code generation for the first batches are not measured as latency. Returns
   * the number of warm-up events.
   */
  private static long warmUp(String topic, String table, double rate, int seconds)
      throws Exception {
    GeneratorConfig gen =
        GeneratorConfig.of(KafkaBroker.bootstrapServers(), topic)
            .withRate(rate, Duration.ofSeconds(seconds))
            .withSeed(1, Instant.now());
    ClickStreamGenerator generator = new ClickStreamGenerator(gen);
    generator.start();
    generator.awaitCompletion(Duration.ofSeconds(seconds + 120));
    try (Connection c = SharedPostgres.connect();
        Statement s = c.createStatement()) {
      long deadline = System.currentTimeMillis() + 180_000;
      while (total(s, table) < generator.sent()) {
        if (System.currentTimeMillis() > deadline) {
          throw new IllegalStateException("warm-up events did not arrive");
        }
        Thread.sleep(100);
      }
    }
    Thread.sleep(3_000);
    return generator.sent();
  }

  /** A backlog already in Kafka, drained at a 1 s trigger: the job's ceiling on this machine. */
  static void drain(SparkSession spark, int backlog) throws Exception {
    String topic = "bench-backlog-" + System.currentTimeMillis();
    KafkaBroker.createTopic(topic, 2);
    GeneratorConfig gen =
        GeneratorConfig.of(KafkaBroker.bootstrapServers(), topic)
            .withRate(backlog / 60.0, Duration.ofSeconds(60))
            .withSeed(7, Instant.parse("2024-01-01T00:00:00Z"))
            .withRealtime(false);
    ClickStreamGenerator generator = new ClickStreamGenerator(gen);
    generator.start();
    generator.awaitCompletion(Duration.ofMinutes(5));
    long sent = generator.sent();
    long t0 = System.nanoTime();
    ClickStreamJob.Running job = ClickStreamJob.start(spark, config(topic, "bench_backlog"));
    job.processAllAvailable();
    double seconds = (System.nanoTime() - t0) / 1e9;
    job.stop();
    try (Connection c = SharedPostgres.connect();
        Statement s = c.createStatement()) {
      long total = total(s, "bench_backlog");
      if (total != sent) {
        throw new IllegalStateException("backlog: " + total + " of " + sent + " in PostgreSQL");
      }
    }
    System.out.printf(
        "streaming backlog: %d events drained in %.1f s = %.0f events/s (trigger 1 s, both queries)%n",
        sent, seconds, sent / seconds);
  }

  private static StreamingConfig config(String topic, String table) throws Exception {
    Path work = TestWork.dir(table);
    return new StreamingConfig(
        KafkaBroker.bootstrapServers(),
        topic,
        "earliest",
        0,
        work.resolve("checkpoint").toString(),
        work.resolve("lake").toString(),
        work.resolve("dead-letter").toString(),
        work.resolve("progress").toString(),
        SharedPostgres.jdbcUrl(),
        null,
        null,
        table,
        10,
        30,
        1000,
        table.replace('_', '-'),
        2);
  }

  private static String batchStats(ClickStreamJob.Running job) {
    StringBuilder out = new StringBuilder();
    for (StreamingQuery q : List.of(job.query())) {
      StreamingQueryProgress[] recent = q.recentProgress();
      long[] durations =
          Arrays.stream(recent)
              .mapToLong(p -> p.durationMs().get("triggerExecution"))
              .sorted()
              .toArray();
      long[] rows =
          Arrays.stream(recent).mapToLong(StreamingQueryProgress::numInputRows).sorted().toArray();
      out.append(
          String.format("%s %d ms / %d rows; ", q.name(), pct(durations, 50), pct(rows, 50)));
    }
    return out.toString();
  }

  private static long total(Statement s, String table) throws Exception {
    try (ResultSet rs = s.executeQuery("SELECT COALESCE(SUM(events), 0) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static long pct(long[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }
}
