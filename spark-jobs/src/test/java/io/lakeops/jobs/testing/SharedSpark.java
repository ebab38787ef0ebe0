package io.lakeops.jobs.testing;

import org.apache.spark.sql.SparkSession;

/**
 * One local SparkSession for the whole test JVM: starting one costs seconds, and Spark allows a
 * single active context per JVM anyway. Stopped by a shutdown hook.
 */
public final class SharedSpark {
  private static SparkSession session;

  private SharedSpark() {}

  public static synchronized SparkSession get() {
    if (session == null) {
      session =
          SparkSession.builder()
              .master("local[2]")
              .appName("lakeops-spark-jobs-tests")
              .config("spark.ui.enabled", "false")
              .config("spark.sql.shuffle.partitions", "2")
              .config("spark.sql.session.timeZone", "UTC")
              .config("spark.driver.host", "127.0.0.1")
              .config("spark.sql.streaming.stopTimeout", "30s")
              .getOrCreate();
      Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
    }
    return session;
  }
}
