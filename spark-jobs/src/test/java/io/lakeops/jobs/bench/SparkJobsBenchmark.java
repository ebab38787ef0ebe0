package io.lakeops.jobs.bench;

import io.lakeops.jobs.testing.SharedSpark;
import org.apache.spark.sql.SparkSession;

/**
 * Benchmark entry point, run by spark-jobs/bench/run.sh (not a test: figures depend on the
 * machine). Arguments: extraction rows, streaming rate (events/s), streaming seconds, backlog
 * events. Components are the same real ones the integration tests start.
 */
public final class SparkJobsBenchmark {
  private SparkJobsBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
    double rate = args.length > 1 ? Double.parseDouble(args[1]) : 1000;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
    int backlog = args.length > 3 ? Integer.parseInt(args[3]) : 200_000;
    SparkSession spark = SharedSpark.get();
    System.out.printf(
        "machine: %d cores, JVM max heap %d MiB, Spark %s local[2]%n",
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        spark.version());
    ExtractionBenchmark.run(spark, rows, 2);
    StreamingBenchmark.run(spark, rate, seconds, backlog);
    System.exit(0);
  }
}
