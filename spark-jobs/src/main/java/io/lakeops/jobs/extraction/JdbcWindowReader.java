package io.lakeops.jobs.extraction;

import io.lakeops.jobs.common.SecretRef;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads exactly the run's window of a table as a partitioned JDBC scan. The window is applied in a
 * subquery, so Spark's stride predicates on the watermark column only split it into parallel ranges
 * and never widen it. Nothing is read until the returned Dataset is acted on; asking for its schema
 * only runs a zero-row query.
 */
final class JdbcWindowReader {
  private final SparkSession spark;
  private final SecretRef secrets;

  JdbcWindowReader(SparkSession spark, SecretRef secrets) {
    this.spark = spark;
    this.secrets = secrets;
  }

  Dataset<Row> read(ExtractionConfig config) {
    Watermark wm = config.watermark();
    String query =
        "(SELECT * FROM " + config.table() + " WHERE " + wm.predicate() + ") lakeops_window";
    DataFrameReader reader =
        spark
            .read()
            .format("jdbc")
            .option("url", config.jdbcUrl())
            .option("dbtable", query)
            .option("fetchsize", config.fetchSize())
            .option("partitionColumn", wm.column())
            .option("lowerBound", wm.sparkLowerBound())
            .option("upperBound", wm.sparkUpperBound())
            .option("numPartitions", config.parallelism());
    String driver = driverFor(config.jdbcUrl());
    if (driver != null) {
      reader = reader.option("driver", driver);
    }
    if (config.user() != null) {
      reader = reader.option("user", config.user());
    }
    if (config.passwordRef() != null) {
      reader = reader.option("password", secrets.resolve(config.passwordRef()));
    }
    if (config.jdbcUrl().startsWith("jdbc:mysql:")) {
      reader = mysqlOptions(reader);
    }
    return reader.load();
  }

  /**
   * The driver class of the URL's database, named explicitly: in client deploy mode the drivers sit
   * in the application jar, where {@code java.sql.DriverManager} does not look ("No suitable
   * driver"); Spark loads a named driver through the application's class loader.
   */
  static String driverFor(String jdbcUrl) {
    if (jdbcUrl.startsWith("jdbc:mysql:")) {
      return "com.mysql.cj.jdbc.Driver";
    }
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      return "org.postgresql.Driver";
    }
    if (jdbcUrl.startsWith("jdbc:h2:")) {
      return "org.h2.Driver";
    }
    return null;
  }

  /**
   * MySQL Connector/J options (Spark passes unknown options to the driver as connection
   * properties). Everything is pinned to UTC: the server session compares the window literals and
   * renders TIMESTAMP columns in UTC, and the driver reads DATETIME and TIMESTAMP values as UTC, so
   * an instant in the lake is the instant in the source whatever the server's or JVM's zone.
   */
  private static DataFrameReader mysqlOptions(DataFrameReader reader) {
    return reader
        .option("sessionInitStatement", "SET time_zone = '+00:00'")
        .option("connectionTimeZone", "UTC")
        .option("forceConnectionTimeZoneToSession", "false")
        // Without a server-side cursor Connector/J buffers the whole partition in memory and
        // ignores fetchsize.
        .option("useCursorFetch", "true")
        // MySQL's 0000-00-00 "zero dates" cannot be represented; they become null, not an error.
        .option("zeroDateTimeBehavior", "CONVERT_TO_NULL")
        // TINYINT(1) is MySQL's boolean; reported as BIT it maps to Spark's BooleanType.
        .option("tinyInt1isBit", "true");
  }
}
