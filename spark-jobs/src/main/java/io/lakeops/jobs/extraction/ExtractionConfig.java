package io.lakeops.jobs.extraction;

import io.lakeops.jobs.common.JobArgs;
import io.lakeops.jobs.common.SqlIdentifiers;
import java.util.List;
import java.util.Set;
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

  static final Set<String> ARGS =
      Set.of(
          "jdbc-url",
          "user",
          "password-ref",
          "table",
          "key",
          "watermark-column",
          "watermark-kind",
          "run-id",
          "attempt",
          "window-low",
          "window-high",
          "output",
          "parallelism",
          "fetch-size",
          "last-schema",
          "recent-counts",
          "row-count-tolerance",
          "severity-key-not-null",
          "severity-key-unique",
          "severity-row-count");

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
    JobArgs a = JobArgs.parse(args, ARGS);
    return new ExtractionConfig(
        a.required("jdbc-url"),
        a.optional("user", null),
        a.optional("password-ref", null),
        SqlIdentifiers.table(a.required("table")),
        SqlIdentifiers.columns(a.list("key")),
        new Watermark(
            SqlIdentifiers.column(a.required("watermark-column")),
            Watermark.Kind.parse(a.optional("watermark-kind", "timestamp")),
            a.required("window-low"),
            a.required("window-high")),
        a.required("run-id"),
        a.intArg("attempt", 1, 1, 1_000_000),
        stripSlash(a.required("output")),
        a.intArg("parallelism", 4, 1, 512),
        a.intArg("fetch-size", 10_000, 1, 1_000_000),
        a.optional("last-schema", ""),
        a.list("recent-counts").stream().map(Long::parseLong).toList(),
        a.doubleArg("row-count-tolerance", 0.5),
        Severity.parse(a.optional("severity-key-not-null", "fail")),
        Severity.parse(a.optional("severity-key-unique", "fail")),
        Severity.parse(a.optional("severity-row-count", "warn")));
  }

  /** The table's directory under the output base: {@code <base>/table=<table>}. */
  public String tableDir() {
    return outputBase + "/table=" + table;
  }

  public String batchDir() {
    return tableDir() + "/batch=" + runId;
  }

  public String manifestPath() {
    return tableDir() + "/_manifests/batch=" + runId + ".json";
  }

  /**
   * Where this attempt writes its manifest when it failed a check or a schema change: one file per
   * attempt, so a failed re-run never replaces the manifest of the batch an earlier attempt
   * published (readers trust only batches whose manifest says SUCCEEDED).
   */
  public String failedManifestPath() {
    return attemptFile("failed");
  }

  /**
   * Where this attempt reports an error that ended it before it could write a manifest; one file
   * per attempt too.
   */
  public String errorReportPath() {
    return attemptFile("error");
  }

  private String attemptFile(String kind) {
    return tableDir() + "/_manifests/batch=" + runId + ".a" + attempt + "." + kind + ".json";
  }

  private static String stripSlash(String path) {
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
