package io.lakeops.jobs.bench;

import io.lakeops.jobs.streaming.ClickStreamJob;
import io.lakeops.jobs.streaming.StreamingConfig;
import io.lakeops.jobs.testing.KafkaBroker;
import io.lakeops.jobs.testing.SharedPostgres;
import io.lakeops.jobs.testing.TestWork;
import io.lakeops.jobs.testing.TopicRecount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQueryProgress;

/**
 * Streaming figures at a 1 s trigger, the click generator in a JVM of its own on the same machine
 * ({@link GeneratorProcess}). Latency runs from an event's Kafka timestamp (the producer's send
 * time) to the first poll of PostgreSQL (every 20 ms) at which the total of events there covers it:
 * events are sent in time order, so "the total reached k" is read as "the first k events by send
 * time are visible", which across the topic's two partitions is approximate to within one
 * micro-batch. Sustained rate: events / (first send to last event visible). After each run the
 * table is compared with a recount of the whole topic by a plain consumer ({@link TopicRecount}).
 */
final class StreamingBenchmark {
  private static final int WINDOW_SECONDS = 10;

  private StreamingBenchmark() {}

  static void run(SparkSession spark, double rate, int seconds, int warmupSeconds)
      throws Exception {
    String topic = "bench-" + (int) rate + "-" + System.currentTimeMillis();
    KafkaBroker.createTopic(topic, 2);
    String table = "bench_live_" + (int) rate;
    String loadBefore = load();
    ClickStreamJob.Running job = ClickStreamJob.start(spark, config(topic, table));
    List<long[]> polls = new ArrayList<>();
    String sent;
    try (Connection c = SharedPostgres.connect();
        Statement s = c.createStatement()) {
      // One generator for warm-up and measurement: a JVM's start (class loading, JIT) takes the
      // machine's cores for seconds, which would be measured as the job's latency.
      try (GeneratorProcess generator =
          GeneratorProcess.realtime(topic, rate, warmupSeconds + seconds, 99)) {
        while (generator.running()) {
          polls.add(new long[] {System.currentTimeMillis(), total(s, table)});
          Thread.sleep(20);
        }
        generator.await(5);
        sent = generator.summary();
      }
      poll(s, table, TopicRecount.records(topic), System.currentTimeMillis() + 180_000, polls);
    } finally {
      job.stop();
    }
    TopicRecount topicCount = TopicRecount.of(topic, WINDOW_SECONDS);
    long[] ts = topicCount.validTimestamps;
    int n = ts.length;
    // Events sent during the warm-up (JIT, Spark's code generation) are not measured.
    long measureFrom = ts[0] + warmupSeconds * 1000L;
    int warm = 0;
    while (ts[warm] < measureFrom) {
      warm++;
    }
    long[] latencies = new long[n - warm];
    for (int k = warm; k < n; k++) {
      latencies[k - warm] = visibleAt(polls, k + 1) - ts[k];
    }
    Arrays.sort(latencies);
    long measured = n - warm;
    double span = (visibleAt(polls, n) - ts[warm]) / 1000.0;
    double sendSpan = (ts[n - 1] - ts[warm]) / 1000.0;
    System.out.printf(
        "streaming: %d events at %.0f/s target for %d s, trigger 1 s: sustained %.0f events/s;"
            + " event->PostgreSQL latency p50 %d ms, p95 %d ms, max %d ms (after %d s at the same rate)%n",
        measured,
        rate,
        seconds,
        measured / span,
        pct(latencies, 50),
        pct(latencies, 95),
        latencies[latencies.length - 1],
        warmupSeconds);
    System.out.printf(
        "streaming: generator JVM sent at %.0f events/s (%s, warm-up included); %s; load average"
            + " %s -> %s%n",
        measured / sendSpan, sent, batchStats(job), loadBefore, load());
    check(table, topicCount);
  }

  /** A backlog already in Kafka, drained at a 1 s trigger: the job's ceiling on this machine. */
  static void drain(SparkSession spark, int backlog) throws Exception {
    String topic = "bench-backlog-" + System.currentTimeMillis();
    KafkaBroker.createTopic(topic, 2);
    try (GeneratorProcess generator = GeneratorProcess.backlog(topic, backlog / 60.0, 60, 7)) {
      generator.await(300);
    }
    long sent = TopicRecount.records(topic);
    long t0 = System.nanoTime();
    ClickStreamJob.Running job = ClickStreamJob.start(spark, config(topic, "bench_backlog"));
    job.processAllAvailable();
    double seconds = (System.nanoTime() - t0) / 1e9;
    job.stop();
    System.out.printf(
        "streaming backlog: %d events drained in %.1f s = %.0f events/s (trigger 1 s); %s%n",
        sent, seconds, sent / seconds, batchStats(job));
    check("bench_backlog", TopicRecount.of(topic, WINDOW_SECONDS));
  }

  /** Polls the table's total until it reaches {@code expected}; fails at the deadline. */
  private static void poll(
      Statement s, String table, long expected, long deadline, List<long[]> polls)
      throws Exception {
    while (true) {
      long now = System.currentTimeMillis();
      long total = total(s, table);
      polls.add(new long[] {now, total});
      if (total >= expected) {
        return;
      }
      if (now > deadline) {
        throw new IllegalStateException(table + ": " + total + " of " + expected + " events");
      }
      Thread.sleep(20);
    }
  }

  /** The first poll at which the table held at least {@code events} events. */
  private static long visibleAt(List<long[]> polls, long events) {
    int lo = 0;
    int hi = polls.size() - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (polls.get(mid)[1] >= events) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return polls.get(lo)[0];
  }

  private static void check(String table, TopicRecount topic) throws Exception {
    try (Connection c = SharedPostgres.connect()) {
      var rows = TopicRecount.postgres(c, table);
      List<String> differences = topic.differences(rows, 0.05);
      System.out.printf(
          "check %s: %s against a recount of the topic (%s); users within %.2f %% of exact%n",
          table,
          differences.isEmpty() ? "OK" : "MISMATCH in " + differences.size() + " rows",
          topic.summary(),
          100 * topic.worstUsersError(rows));
      differences.stream().limit(5).forEach(d -> System.out.println("  " + d));
    }
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
        WINDOW_SECONDS,
        30,
        1000,
        table.replace('_', '-'),
        2);
  }

  /** Median and p95 duration and median rows of the batches with data. */
  private static String batchStats(ClickStreamJob.Running job) {
    StreamingQueryProgress[] recent =
        Arrays.stream(job.query().recentProgress())
            .filter(p -> p.numInputRows() > 0)
            .toArray(StreamingQueryProgress[]::new);
    if (recent.length == 0) {
      return "no batches";
    }
    long[] durations =
        Arrays.stream(recent)
            .mapToLong(p -> p.durationMs().get("triggerExecution"))
            .sorted()
            .toArray();
    long[] rows =
        Arrays.stream(recent).mapToLong(StreamingQueryProgress::numInputRows).sorted().toArray();
    return String.format(
        "%d batches: median %d ms (p95 %d ms) / %d rows",
        recent.length, pct(durations, 50), pct(durations, 95), pct(rows, 50));
  }

  private static long total(Statement s, String table) throws Exception {
    try (ResultSet rs = s.executeQuery("SELECT COALESCE(SUM(events), 0) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String load() throws Exception {
    return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
  }

  private static long pct(long[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }
}
