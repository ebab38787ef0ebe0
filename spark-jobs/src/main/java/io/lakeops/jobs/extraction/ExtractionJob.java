package io.lakeops.jobs.extraction;

import io.lakeops.jobs.common.JsonFiles;
import io.lakeops.jobs.common.SecretRef;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Entry point of an incremental extraction run: one table, one fixed watermark window, one batch.
 * Exit codes tell Livy/EMR (and so the console) what happened: 0 succeeded, 2 failed a data-quality
 * or schema check (a re-run will fail the same way), 64 bad arguments, 1 anything else (possibly
 * transient; a retry may succeed). The manifest carries the details of a finished run; a run that
 * broke with an error reports it in its own words in an error report ({@link ErrorReport}), so the
 * console can say why without reading the driver's log. Bad arguments only print.
 */
public final class ExtractionJob {
  public static final int OK = 0;
  public static final int CHECK_FAILED = 2;
  public static final int BAD_ARGS = 64;
  public static final int ERROR = 1;

  private ExtractionJob() {}

  public static void main(String[] args) {
    ExtractionConfig config;
    try {
      config = ExtractionConfig.fromArgs(args);
    } catch (IllegalArgumentException e) {
      System.err.println("extraction: " + e.getMessage());
      System.exit(BAD_ARGS);
      return;
    }
    SparkSession spark =
        SparkSession.builder()
            .appName("lakeops-extraction " + config.table() + " " + config.runId())
            .getOrCreate();
    int code;
    try {
      code = run(spark, config).exitCode();
    } finally {
      spark.stop();
    }
    System.exit(code);
  }

  /** Runs one extraction in an existing session; also what tests and the benchmark call. */
  public static Outcome run(SparkSession spark, ExtractionConfig config) {
    ExtractionManifest manifest;
    try {
      manifest = new ExtractionRun(spark, config, SecretRef.fromSystem()).execute();
    } catch (Exception e) {
      System.err.println("extraction: run " + config.runId() + " failed: " + e);
      e.printStackTrace();
      ErrorReport.write(config, e, spark.sparkContext().hadoopConfiguration());
      return new Outcome(ERROR, null);
    }
    if (!manifest.succeeded()) {
      System.err.println("extraction: run " + config.runId() + " failed: " + manifest.failure());
      return new Outcome(CHECK_FAILED, manifest);
    }
    System.out.println(
        "extraction: run " + config.runId() + " wrote " + manifest.rowsWritten() + " rows");
    return new Outcome(OK, manifest);
  }

  /** The exit code and the manifest written (null when the run broke before writing one). */
  public record Outcome(int exitCode, ExtractionManifest manifest) {
    public String manifestJson() throws Exception {
      return JsonFiles.MAPPER.writeValueAsString(manifest == null ? Map.of() : manifest);
    }
  }
}
