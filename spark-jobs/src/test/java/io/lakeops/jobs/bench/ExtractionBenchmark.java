package io.lakeops.jobs.bench;

import io.lakeops.jobs.extraction.ExtractionConfig;
import io.lakeops.jobs.extraction.ExtractionJob;
import io.lakeops.jobs.testing.SharedMariaDb;
import io.lakeops.jobs.testing.TestWork;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.apache.spark.sql.SparkSession;

/**
 * Extraction throughput against a raw JDBC read of the same rows, same server, same run: the raw
 * read is the ceiling a single connection reaches (rows fetched and every column materialised), the
 * job adds the partitioned read, Parquet staging, checks and publishing.
 */
final class ExtractionBenchmark {
  private static final String OUTPUT = TestWork.dir("bench-lake").toString();

  private ExtractionBenchmark() {}

  static void run(SparkSession spark, int rows, int parallelism) throws Exception {
    String url = SharedMariaDb.jdbcUrl("bench");
    load(url, rows);
    String low = "2024-01-01T00:00:00Z";
    String high = "2024-01-02T00:00:00Z";

    rawRead(url); // warms the driver and the server's buffer pool for both contenders

    long t0 = System.nanoTime();
    long raw = rawRead(url);
    double rawSeconds = (System.nanoTime() - t0) / 1e9;
    // The first run pays for JIT and Spark's code generation, as every spark-submit of a run does
    // on a cluster; the second (same run id, so it also replaces the first one's batch) shows the
    // warmed-up engine.
    double cold = timedRun(spark, url, low, high, parallelism, raw);
    double warm =
        Math.min(
            timedRun(spark, url, low, high, parallelism, raw),
            timedRun(spark, url, low, high, parallelism, raw));
    System.out.printf(
        "extraction: %d rows, parallelism %d; raw JDBC SELECT %.0f rows/s (%.2f s);"
            + " extraction job first run in a fresh JVM %.0f rows/s (%.2f s, ratio %.2f);"
            + " warm re-run (best of 2) %.0f rows/s (%.2f s, ratio %.2f)%n",
        raw,
        parallelism,
        raw / rawSeconds,
        rawSeconds,
        raw / cold,
        cold,
        rawSeconds / cold,
        raw / warm,
        warm,
        rawSeconds / warm);
  }

  private static double timedRun(
      SparkSession spark, String url, String low, String high, int parallelism, long expected)
      throws Exception {
    long t = System.nanoTime();
    ExtractionJob.Outcome outcome =
        ExtractionJob.run(spark, config(url, "measured", low, high, parallelism));
    double seconds = (System.nanoTime() - t) / 1e9;
    if (outcome.exitCode() != 0 || outcome.manifest().rowsWritten() != expected) {
      throw new IllegalStateException(
          "extraction did not write the window: " + outcome.manifestJson());
    }
    System.out.println("extraction timings: " + outcome.manifest().timings());
    return seconds;
  }

  private static ExtractionConfig config(
      String url, String run, String low, String high, int parallelism) {
    return ExtractionConfig.fromArgs(
        new String[] {
          "--jdbc-url",
          url,
          "--table",
          "events",
          "--key",
          "id",
          "--watermark-column",
          "updated_at",
          "--run-id",
          run,
          "--window-low",
          low,
          "--window-high",
          high,
          "--output",
          TestWork.dir("bench-lake").toString(),
          "--parallelism",
          "" + parallelism,
          "--fetch-size",
          "10000"
        });
  }

  /** Same rows, same connector settings as the job, one connection, every column read. */
  private static long rawRead(String url) throws Exception {
    try (Connection c = DriverManager.getConnection(url + "&useCursorFetch=true");
        Statement s = c.createStatement()) {
      s.execute("SET time_zone = '+00:00'");
      s.setFetchSize(10_000);
      long n = 0;
      try (ResultSet rs =
          s.executeQuery(
              "SELECT * FROM events WHERE updated_at >= '2024-01-01 00:00:00'"
                  + " AND updated_at < '2024-01-02 00:00:00'")) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          for (int i = 1; i <= columns; i++) {
            rs.getObject(i);
          }
          n++;
        }
      }
      return n;
    }
  }

  private static void load(String url, int rows) throws Exception {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS events");
      s.execute(
          "CREATE TABLE events (id BIGINT UNSIGNED PRIMARY KEY, user_id INT UNSIGNED,"
              + " amount DECIMAL(12,2), flag TINYINT(1), label VARCHAR(64),"
              + " created_at DATETIME(3), updated_at TIMESTAMP(6) NULL, KEY (updated_at))");
      s.execute("SET time_zone = '+00:00'");
      // MariaDB's SEQUENCE engine generates the rows server-side: millions in seconds.
      s.execute(
          "INSERT INTO events SELECT seq, seq % 10000, (seq % 100000) / 100, seq % 3 = 0,"
              + " CONCAT('label-', seq % 1000), '2024-01-01 00:00:00',"
              + " TIMESTAMPADD(MICROSECOND, seq * 86400000000 DIV "
              + (rows + 1)
              + ", '2024-01-01 00:00:00') FROM seq_1_to_"
              + rows);
    }
  }
}
