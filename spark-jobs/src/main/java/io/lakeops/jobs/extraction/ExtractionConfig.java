package io.lakeops.jobs.extraction;

import io.lakeops.jobs.common.JobArgs;
import io.lakeops.jobs.common.SqlIdentifiers;
import io.lakeops.jobs.contract.ExtractionArg;
import io.lakeops.jobs.contract.LakeLayout;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Everything one extraction run needs, parsed from the job's arguments. The password is only a
 * reference ({@code env:NAME} or {@code file:PATH}); see {@link io.lakeops.jobs.common.SecretRef}.
 *
 * @param attempt the console's attempt number of this run, written into the manifest so that the
 *     console can tell this attempt's result from a late one of an earlier attempt
 * @param lastSchema the last accepted schema fingerprint (JSON, or {@code @location} of a file);
 *     empty on a table's first run
 * @param recentCounts row counts of recent successful runs, for the anomaly check
 * @param rowCountTolerance allowed relative deviation from the recent mean (0.5 = ±50%)
 */
public record ExtractionConfig(
    String jdbcUrl,
    String user,
    String passwordRef,
    String table,
    List<String> keyColumns,
    Watermark watermark,
    String runId,
    int attempt,
    String outputBase,
    int parallelism,
    int fetchSize,
    String lastSchema,
    List<Long> recentCounts,
    double rowCountTolerance,
    Severity keyNotNull,
    Severity keyUnique,
    Severity rowCount) {

  // Run ids become a directory name (batch=<run id>); the console's ids look like
  // job~20240101t0000z.
  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.~-]{0,127}");

  public ExtractionConfig {
    if (!RUN_ID.matcher(runId).matches()) {
      throw new IllegalArgumentException("run id must match " + RUN_ID.pattern() + ": " + runId);
    }
    if (keyColumns.isEmpty()) {
      throw new IllegalArgumentException("at least one key column is required (--key)");
    }
    if (!jdbcUrl.startsWith("jdbc:")) {
      throw new IllegalArgumentException("--jdbc-url must be a jdbc: URL");
    }
  }

  public static ExtractionConfig fromArgs(String[] args) {
    JobArgs a = JobArgs.parse(args, ExtractionArg.class);
    return new ExtractionConfig(
        a.required(ExtractionArg.JDBC_URL),
        a.optional(ExtractionArg.USER, null),
        a.optional(ExtractionArg.PASSWORD_REF, null),
        SqlIdentifiers.table(a.required(ExtractionArg.TABLE)),
        SqlIdentifiers.columns(a.list(ExtractionArg.KEY)),
        new Watermark(
            SqlIdentifiers.column(a.required(ExtractionArg.WATERMARK_COLUMN)),
            Watermark.Kind.parse(a.optional(ExtractionArg.WATERMARK_KIND, "timestamp")),
            a.required(ExtractionArg.WINDOW_LOW),
            a.required(ExtractionArg.WINDOW_HIGH)),
        a.required(ExtractionArg.RUN_ID),
        a.intArg(ExtractionArg.ATTEMPT, 1, 1, 1_000_000),
        stripSlash(a.required(ExtractionArg.OUTPUT)),
        a.intArg(ExtractionArg.PARALLELISM, 4, 1, 512),
        a.intArg(ExtractionArg.FETCH_SIZE, 10_000, 1, 1_000_000),
        a.optional(ExtractionArg.LAST_SCHEMA, ""),
        a.list(ExtractionArg.RECENT_COUNTS).stream().map(Long::parseLong).toList(),
        a.doubleArg(ExtractionArg.ROW_COUNT_TOLERANCE, 0.5),
        Severity.parse(a.optional(ExtractionArg.SEVERITY_KEY_NOT_NULL, "fail")),
        Severity.parse(a.optional(ExtractionArg.SEVERITY_KEY_UNIQUE, "fail")),
        Severity.parse(a.optional(ExtractionArg.SEVERITY_ROW_COUNT, "warn")));
  }

  /** The table's directory under the output base: {@code <base>/table=<table>}. */
  public String tableDir() {
    return outputBase + "/" + LakeLayout.tableDir(table);
  }

  public String batchDir() {
    return outputBase + "/" + LakeLayout.batchDir(table, runId);
  }

  public String manifestPath() {
    return outputBase + "/" + LakeLayout.manifest(table, runId);
  }

  /**
   * Where this attempt writes its manifest when it failed a check or a schema change: one file per
   * attempt, so a failed re-run never replaces the manifest of the batch an earlier attempt
   * published (readers trust only batches whose manifest says SUCCEEDED).
   */
  public String failedManifestPath() {
    return attemptFile(LakeLayout.AttemptFile.FAILED);
  }

  /**
   * Where this attempt reports an error that ended it before it could write a manifest; one file
   * per attempt too.
   */
  public String errorReportPath() {
    return attemptFile(LakeLayout.AttemptFile.ERROR);
  }

  private String attemptFile(LakeLayout.AttemptFile kind) {
    return outputBase + "/" + LakeLayout.attemptFile(table, runId, attempt, kind);
  }

  private static String stripSlash(String path) {
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
