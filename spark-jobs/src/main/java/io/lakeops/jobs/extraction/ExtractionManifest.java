package io.lakeops.jobs.extraction;

import io.lakeops.jobs.contract.ManifestFields;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON result of one run, written to {@code <base>/table=<t>/_manifests/batch=<run>.json}
 * whether the run succeeded or not; the console reads it back. The names of the fields the console
 * reads are in {@link ManifestFields}; docs/spark-jobs.md lists them all.
 */
public record ExtractionManifest(
    String runId,
    int attempt,
    String table,
    String status,
    String failure,
    long rowsRead,
    long rowsWritten,
    Map<String, String> window,
    Map<String, String> watermarkSeen,
    Map<String, Object> timings,
    Map<String, Object> dataQuality,
    SchemaFingerprint schemaFingerprint,
    Map<String, Object> schemaChange,
    String output) {

  public static final String SUCCEEDED = ManifestFields.SUCCEEDED;
  public static final String FAILED = "FAILED";

  public boolean succeeded() {
    return SUCCEEDED.equals(status);
  }

  static Map<String, Object> schemaChangeJson(SchemaChange change) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("changed", change.changed());
    json.put("breaking", change.breaking());
    json.put("added", change.added());
    json.put("dropped", change.dropped());
    json.put("retyped", change.retyped());
    json.put(ManifestFields.SCHEMA_CHANGE_DESCRIPTION, change.describe());
    return json;
  }

  static Map<String, Object> qualityJson(DataQualityReport report) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("passed", report == null || report.passed());
    json.put("checks", report == null ? java.util.List.of() : report.checks());
    return json;
  }
}
