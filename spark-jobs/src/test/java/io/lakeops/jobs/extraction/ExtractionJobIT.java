package io.lakeops.jobs.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.lakeops.jobs.common.JsonFiles;
import io.lakeops.jobs.contract.ManifestFields;
import io.lakeops.jobs.testing.SharedMariaDb;
import io.lakeops.jobs.testing.SharedSpark;
import io.lakeops.jobs.testing.TestWork;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Extraction against a real MariaDB server through MySQL Connector/J and Spark in local mode. Each
 * test owns its table and output folder, so tests do not depend on each other's order.
 */
class ExtractionJobIT {
  private static final String DB = "shop";
  private static SparkSession spark;
  private static String url;

  @BeforeAll
  static void startComponents() throws Exception {
    spark = SharedSpark.get();
    url = SharedMariaDb.jdbcUrl(DB);
  }

  @Test
  void rerunningARunLeavesExactlyTheWindowsRowsAndTouchesNoOtherBatch() throws Exception {
    OrdersFixture orders = OrdersFixture.create(url, "orders_rerun", 300);
    String out = output("rerun");
    ExtractionArgs args = ExtractionArgs.forTable(url, orders.table(), out);

    ExtractionJob.Outcome second =
        ExtractionJob.run(
            spark, args.run("r2", "2024-01-01T01:00:00Z", "2024-01-01T02:00:00Z").config());
    assertThat(second.exitCode()).isEqualTo(ExtractionJob.OK);
    Path secondBatch = Path.of(out, "table=orders_rerun", "batch=r2");
    List<Path> secondFiles = files(secondBatch);

    for (int attempt = 1; attempt <= 2; attempt++) {
      ExtractionJob.Outcome first =
          ExtractionJob.run(
              spark,
              args.run("r1", "2024-01-01T00:00:00Z", "2024-01-01T01:00:00Z")
                  .with("attempt", Integer.toString(attempt))
                  .config());
      assertThat(first.exitCode()).isEqualTo(ExtractionJob.OK);
    }

    long expected = orders.countInWindow("2024-01-01 00:00:00", "2024-01-01 01:00:00");
    Dataset<Row> batch = spark.read().parquet(out + "/table=orders_rerun/batch=r1");
    assertThat(expected).isGreaterThan(50);
    assertThat(batch.count()).isEqualTo(expected);
    assertThat(batch.select("id").distinct().count()).isEqualTo(expected);
    assertThat(files(secondBatch)).isEqualTo(secondFiles);
    assertThat(spark.read().parquet(out + "/table=orders_rerun").count())
        .isEqualTo(expected + orders.countInWindow("2024-01-01 01:00:00", "2024-01-01 02:00:00"));

    // The field names the console reads (the contract's), in the manifest as the job wrote it.
    JsonNode manifest = manifest(out, "orders_rerun", "r1");
    assertThat(manifest.path(ManifestFields.RUN_ID).asText()).isEqualTo("r1");
    assertThat(manifest.path(ManifestFields.STATUS).asText()).isEqualTo(ManifestFields.SUCCEEDED);
    assertThat(manifest.path(ManifestFields.ATTEMPT).asInt())
        .as("the last attempt's manifest")
        .isEqualTo(2);
    assertThat(manifest.path(ManifestFields.ROWS_READ).asLong()).isEqualTo(expected);
    assertThat(manifest.path(ManifestFields.ROWS_WRITTEN).asLong()).isEqualTo(expected);
    assertThat(
            manifest
                .path(ManifestFields.WATERMARK_SEEN)
                .path(ManifestFields.WATERMARK_MAX)
                .asText())
        .startsWith("2024-01-01 00:5");
    assertThat(manifest.path(ManifestFields.DATA_QUALITY).path("passed").asBoolean()).isTrue();
    assertThat(manifest.path(ManifestFields.SCHEMA_FINGERPRINT).path("hash").asText()).hasSize(64);
    assertThat(manifest.path(ManifestFields.SCHEMA_CHANGE).isObject()).isTrue();
  }

  @Test
  void aRerunThatFailsMidScanLeavesThePublishedBatchWholeAndItsManifestAsItWas() throws Exception {
    OrdersFixture orders = OrdersFixture.create(url, "orders_guarded_rows", 120);
    // The job reads a view whose guard function makes the source refuse a row it is asked for.
    // The schema query reads no row, so a refused row fails the run in its scan, once the write
    // has begun: the point where a job writing straight into its batch has already deleted it.
    orders.execute(
        "CREATE OR REPLACE FUNCTION guarded(note VARCHAR(100)) RETURNS VARCHAR(100) DETERMINISTIC"
            + " BEGIN IF note = 'refused' THEN SIGNAL SQLSTATE '45000'"
            + " SET MESSAGE_TEXT = 'the source refuses this row'; END IF; RETURN note; END");
    orders.execute(
        "CREATE OR REPLACE VIEW orders_guarded AS SELECT id, customer_id, amount, active,"
            + " guarded(note) AS note, created_at, updated_at FROM orders_guarded_rows");
    String out = output("failed-rerun");
    ExtractionArgs args =
        ExtractionArgs.forTable(url, "orders_guarded", out)
            .run("f1", "2024-01-01T00:00:00Z", "2024-01-01T01:00:00Z");
    assertThat(ExtractionJob.run(spark, args.config()).exitCode()).isEqualTo(ExtractionJob.OK);
    Path batch = Path.of(out, "table=orders_guarded", "batch=f1");
    Path manifest = Path.of(out, "table=orders_guarded", "_manifests", "batch=f1.json");
    List<Path> publishedFiles = files(batch);
    List<Row> publishedRows = rows(batch);
    String publishedManifest = Files.readString(manifest);

    // Keeping its update time, the row stays in the window the re-run reads.
    orders.execute(
        "UPDATE orders_guarded_rows SET note = 'refused', updated_at = updated_at WHERE id = 10");
    ExtractionJob.Outcome rerun = ExtractionJob.run(spark, args.with("attempt", "2").config());

    assertThat(rerun.exitCode()).isEqualTo(ExtractionJob.ERROR);
    long expected = orders.countInWindow("2024-01-01 00:00:00", "2024-01-01 01:00:00");
    assertThat(expected).isGreaterThan(50);
    assertThat(files(batch)).isEqualTo(publishedFiles);
    List<Row> survived = rows(batch);
    assertThat(survived).hasSize((int) expected).isEqualTo(publishedRows);
    assertThat(survived.stream().map(r -> r.getAs("id")).distinct()).hasSize((int) expected);
    assertThat(Files.readString(manifest)).isEqualTo(publishedManifest);
  }

  @Test
  void mysqlTypesTimeZonesAndNullsArriveAsTheSourceMeantThem() throws Exception {
    OrdersFixture orders = OrdersFixture.create(url, "orders_types", 10);
    String out = output("types");
    ExtractionJob.Outcome outcome =
        ExtractionJob.run(
            spark,
            ExtractionArgs.forTable(url, orders.table(), out)
                .run("t1", "2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z")
                .config());
    assertThat(outcome.exitCode()).isEqualTo(ExtractionJob.OK);

    Dataset<Row> batch = spark.read().parquet(out + "/table=orders_types/batch=t1");
    assertThat(batch.schema().apply("id").dataType().simpleString()).isEqualTo("decimal(20,0)");
    assertThat(batch.schema().apply("customer_id").dataType().simpleString()).isEqualTo("bigint");
    assertThat(batch.schema().apply("amount").dataType().simpleString()).isEqualTo("decimal(12,2)");
    assertThat(batch.schema().apply("active").dataType().simpleString()).isEqualTo("boolean");
    assertThat(batch.schema().apply("created_at").dataType().simpleString()).isEqualTo("timestamp");

    Row special = batch.filter("id = 4294967295000").first();
    assertThat(special.getAs("customer_id").toString()).isEqualTo("4294967295");
    assertThat(special.getAs("amount").toString()).isEqualTo("12345678.90");
    assertThat((Boolean) special.getAs("active")).isTrue();
    assertThat((Object) special.getAs("note")).isNull();
    // Inserted as TIMESTAMP '2024-01-01 05:30:00' in a +05:00 session, i.e. 00:30 UTC.
    assertThat(((java.sql.Timestamp) special.getAs("updated_at")).toInstant().toString())
        .isEqualTo("2024-01-01T00:30:00Z");
    // DATETIME has no zone: the wall-clock value is kept and read as UTC.
    assertThat(((java.sql.Timestamp) special.getAs("created_at")).toInstant().toString())
        .isEqualTo("2023-12-31T23:59:59.500Z");
  }

  @Test
  void droppedColumnFailsTheRunNamingItAndAddedColumnIsKeptAndReported() throws Exception {
    OrdersFixture orders = OrdersFixture.create(url, "orders_schema", 60);
    String out = output("schema");
    ExtractionArgs args = ExtractionArgs.forTable(url, orders.table(), out);
    ExtractionJob.Outcome accepted =
        ExtractionJob.run(
            spark, args.run("s1", "2024-01-01T00:00:00Z", "2024-01-01T01:00:00Z").config());
    assertThat(accepted.exitCode()).isEqualTo(ExtractionJob.OK);
    String lastSchema =
        JsonFiles.MAPPER.writeValueAsString(accepted.manifest().schemaFingerprint());

    orders.execute("ALTER TABLE orders_schema ADD COLUMN channel VARCHAR(20) DEFAULT 'web'");
    ExtractionJob.Outcome added =
        ExtractionJob.run(
            spark,
            args.with("last-schema", lastSchema)
                .run("s2", "2024-01-01T00:00:00Z", "2024-01-01T01:00:00Z")
                .config());
    assertThat(added.exitCode()).isEqualTo(ExtractionJob.OK);
    JsonNode change = manifest(out, "orders_schema", "s2").path("schemaChange");
    assertThat(change.path("added").toString()).isEqualTo("[\"channel\"]");
    assertThat(change.path("breaking").asBoolean()).isFalse();
    assertThat(change.path(ManifestFields.SCHEMA_CHANGE_DESCRIPTION).asText()).contains("channel");
    assertThat(spark.read().parquet(out + "/table=orders_schema/batch=s2").columns())
        .contains("channel");

    orders.execute("ALTER TABLE orders_schema DROP COLUMN note");
    ExtractionJob.Outcome dropped =
        ExtractionJob.run(
            spark,
            args.with("last-schema", lastSchema)
                .run("s3", "2024-01-01T00:00:00Z", "2024-01-01T01:00:00Z")
                .config());
    assertThat(dropped.exitCode()).isEqualTo(ExtractionJob.CHECK_FAILED);
    assertThat(dropped.manifest().failure()).contains("dropped columns [note]");
    assertThat(attemptManifest(out, "orders_schema", "s3", 1).path("status").asText())
        .isEqualTo("FAILED");
    assertThat(Path.of(out, "table=orders_schema", "_manifests", "batch=s3.json"))
        .as("no published batch, so no run manifest")
        .doesNotExist();
    assertThat(Path.of(out, "table=orders_schema", "batch=s3")).doesNotExist();
  }

  @Test
  void duplicateAndNullKeysFailOrWarnByTheirSeverity() throws Exception {
    OrdersFixture orders = OrdersFixture.createWithoutKey(url, "orders_dq", 40);
    orders.execute(
        "INSERT INTO orders_dq (id, amount, updated_at) VALUES (1, 1.00, '2024-01-01 00:10:00')");
    orders.execute(
        "INSERT INTO orders_dq (id, amount, updated_at) VALUES (NULL, 1.00, '2024-01-01 00:11:00')");
    String out = output("dq");
    ExtractionArgs args =
        ExtractionArgs.forTable(url, orders.table(), out)
            .with("recent-counts", "22,23,24")
            .run("d1", "2024-01-01T00:00:00Z", "2024-01-01T01:00:00Z");

    ExtractionJob.Outcome failed = ExtractionJob.run(spark, args.config());
    assertThat(failed.exitCode()).isEqualTo(ExtractionJob.CHECK_FAILED);
    assertThat(failed.manifest().failure())
        .contains("key_not_null: 1 rows")
        .contains("key_unique: 1 rows");
    assertThat(Path.of(out, "table=orders_dq", "batch=d1")).doesNotExist();

    ExtractionJob.Outcome warned =
        ExtractionJob.run(
            spark,
            args.with("severity-key-not-null", "warn")
                .with("severity-key-unique", "warn")
                .config());
    assertThat(warned.exitCode()).isEqualTo(ExtractionJob.OK);
    JsonNode checks = manifest(out, "orders_dq", "d1").path("dataQuality").path("checks");
    assertThat(checks.findValuesAsText("passed")).containsExactly("false", "false", "true");
    assertThat(spark.read().parquet(out + "/table=orders_dq/batch=d1").count()).isEqualTo(23);

    ExtractionJob.Outcome anomaly =
        ExtractionJob.run(
            spark,
            args.with("recent-counts", "400,410,390").with("severity-row-count", "fail").config());
    assertThat(anomaly.exitCode()).isEqualTo(ExtractionJob.CHECK_FAILED);
    assertThat(anomaly.manifest().failure()).contains("row_count_anomaly");
    assertThat(manifest(out, "orders_dq", "d1").path("status").asText())
        .as("a re-run that fails a check leaves the published batch's manifest as it was")
        .isEqualTo("SUCCEEDED");
    assertThat(attemptManifest(out, "orders_dq", "d1", 1).path(ManifestFields.FAILURE).asText())
        .contains("row_count_anomaly");
    assertThat(spark.read().parquet(out + "/table=orders_dq/batch=d1").count()).isEqualTo(23);
  }

  @Test
  void unsafeTableNamesAreRejectedBeforeAnySql() {
    assertThatThrownBy(
            () ->
                ExtractionArgs.forTable(url, "orders; DROP TABLE orders", "/tmp/x")
                    .run("x1", "2024-01-01T00:00:00Z", "2024-01-01T01:00:00Z")
                    .config())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("table name must match");
  }

  private static String output(String name) {
    return TestWork.dir("lake-" + name).toString();
  }

  private static JsonNode attemptManifest(String out, String table, String run, int attempt)
      throws Exception {
    return JsonFiles.MAPPER.readTree(
        Path.of(
                out,
                "table=" + table,
                "_manifests",
                "batch=" + run + ".a" + attempt + ".failed.json")
            .toFile());
  }

  private static JsonNode manifest(String out, String table, String run) throws Exception {
    return JsonFiles.MAPPER.readTree(
        Path.of(out, "table=" + table, "_manifests", "batch=" + run + ".json").toFile());
  }

  /** The batch's rows in key order, read afresh (a new file listing every time). */
  private static List<Row> rows(Path batch) {
    return spark.read().parquet(batch.toString()).orderBy("id").collectAsList();
  }

  private static List<Path> files(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  static void sql(String statement) throws Exception {
    try (Connection c = SharedMariaDb.connect(DB);
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }
}
