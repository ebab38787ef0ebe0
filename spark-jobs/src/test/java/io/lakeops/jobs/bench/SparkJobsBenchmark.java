package io.lakeops.jobs.bench;

import io.lakeops.jobs.testing.SharedSpark;
import org.apache.spark.sql.SparkSession;

/**
 * Benchmark entry point, run by spark-jobs/bench/run.sh (not a test: figures depend on the
 * machine). Arguments: extraction rows (0: none), streaming rates (events/s, comma-separated),
 * seconds per rate, backlog events. Components are the same real ones the integration tests start.
 */
public final class SparkJobsBenchmark {
  private SparkJobsBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
    String rates = args.length > 1 ? args[1] : "1000,5000,22000,30000";
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 45;
    int backlog = args.length > 3 ? Integer.parseInt(args[3]) : 200_000;
    SparkSession spark = SharedSpark.get();
    System.out.printf(
        "machine: %d cores, JVM max heap %d MiB, Spark %s local[2]%n",
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        spark.version());
    if (rows > 0) {
      ExtractionBenchmark.run(spark, rows, 2);
    }
    // The first rate's warm-up also warms the JVM (JIT, Spark's code generation); later rates run
    // in the warmed JVM.
    int warmup = 45;
    for (String rate : rates.split(",")) {
      if (Double.parseDouble(rate) <= 0) {
        continue; // 0 skips the streaming part
      }
      StreamingBenchmark.run(spark, Double.parseDouble(rate), seconds, warmup);
      warmup = 15;
    }
    if (backlog > 0) {
      StreamingBenchmark.drain(spark, backlog);
    }
    System.exit(0);
  }
}
