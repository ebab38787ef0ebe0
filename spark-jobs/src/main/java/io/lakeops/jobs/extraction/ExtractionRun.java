package io.lakeops.jobs.extraction;

import io.lakeops.jobs.common.JsonFiles;
import io.lakeops.jobs.common.SecretRef;
import io.lakeops.jobs.contract.ManifestFields;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * One attempt of an extraction run, in order: compare the source schema with the last accepted one
 * (before reading any data), read the window into staging, check the staged batch, then publish it
 * or throw it away, and always write the manifest: the run's own when the batch was published, the
 * attempt's when it failed.
 */
final class ExtractionRun {
  private final SparkSession spark;
  private final ExtractionConfig config;
  private final SecretRef secrets;
  private final Configuration hadoop;
  private final Map<String, Object> timings = new LinkedHashMap<>();

  ExtractionRun(SparkSession spark, ExtractionConfig config, SecretRef secrets) {
    this.spark = spark;
    this.config = config;
    this.secrets = secrets;
    this.hadoop = spark.sparkContext().hadoopConfiguration();
  }

  ExtractionManifest execute() throws Exception {
    // The window literals and partition bounds are UTC; the session must read them the same way.
    spark.conf().set("spark.sql.session.timeZone", "UTC");
    Instant started = Instant.now();
    // When this JVM started, so that launching it and starting Spark show apart from the work.
    timings.put("jvmStartedAt", jvmStarted().toString());
    timings.put("startedAt", started.toString());
    long schema = System.nanoTime();
    Dataset<Row> source = new JdbcWindowReader(spark, secrets).read(config);
    SchemaFingerprint fingerprint = SchemaFingerprint.of(source.schema());
    SchemaChange change =
        config.lastSchema().isBlank()
            ? SchemaChange.NONE
            : SchemaChange.between(SchemaFingerprint.fromJson(lastSchemaJson()), fingerprint);
    if (change.breaking()) {
      return finish(
          started, "schema change: " + change.describe(), 0, null, null, fingerprint, change);
    }

    timings.put("schemaMs", millisSince(schema));

    BatchPublisher publisher = new BatchPublisher(config, hadoop);
    long t0 = System.nanoTime();
    source.write().mode(SaveMode.Overwrite).parquet(publisher.stagingLocation());
    timings.put("readAndStageMs", millisSince(t0));

    long t1 = System.nanoTime();
    Dataset<Row> staged = spark.read().parquet(publisher.stagingLocation());
    BatchStats stats = BatchStats.of(staged, config.keyColumns(), config.watermark().column());
    DataQualityReport quality = DataQualityReport.evaluate(stats, config);
    timings.put("checksMs", millisSince(t1));
    if (!quality.passed()) {
      publisher.discard();
      String failure = "data quality: " + String.join("; ", quality.failures());
      return finish(started, failure, 0, stats, quality, fingerprint, change);
    }

    long t2 = System.nanoTime();
    publisher.publish();
    timings.put("publishMs", millisSince(t2));
    // The moment the batch became visible in the lake (its directory renamed into place).
    timings.put("publishedAt", Instant.now().toString());
    return finish(started, null, stats.rows(), stats, quality, fingerprint, change);
  }

  private ExtractionManifest finish(
      Instant started,
      String failure,
      long written,
      BatchStats stats,
      DataQualityReport quality,
      SchemaFingerprint fingerprint,
      SchemaChange change)
      throws Exception {
    Instant finished = Instant.now();
    timings.put("finishedAt", finished.toString());
    timings.put("totalMs", finished.toEpochMilli() - started.toEpochMilli());
    Map<String, String> seen = new LinkedHashMap<>();
    seen.put("min", stats == null ? null : stats.minWatermark());
    seen.put(ManifestFields.WATERMARK_MAX, stats == null ? null : stats.maxWatermark());
    ExtractionManifest manifest =
        new ExtractionManifest(
            config.runId(),
            config.attempt(),
            config.table(),
            failure == null ? ExtractionManifest.SUCCEEDED : ExtractionManifest.FAILED,
            failure,
            stats == null ? 0 : stats.rows(),
            written,
            Map.of("low", config.watermark().low(), "high", config.watermark().high()),
            seen,
            timings,
            ExtractionManifest.qualityJson(quality),
            fingerprint,
            ExtractionManifest.schemaChangeJson(change),
            failure == null ? config.batchDir() : null);
    // Only a published batch has the run's manifest; a failed attempt writes its own beside it.
    JsonFiles.writeAtomically(
        failure == null ? config.manifestPath() : config.failedManifestPath(), manifest, hadoop);
    return manifest;
  }

  /** The last schema comes inline, or as {@code @location} when it is too long for arguments. */
  private String lastSchemaJson() throws Exception {
    String value = config.lastSchema();
    return value.startsWith("@") ? JsonFiles.readText(value.substring(1), hadoop) : value;
  }

  static Instant jvmStarted() {
    return Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }
}
