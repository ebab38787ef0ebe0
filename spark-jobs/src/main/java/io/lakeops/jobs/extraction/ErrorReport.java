package io.lakeops.jobs.extraction;

import io.lakeops.jobs.common.JsonFiles;
import io.lakeops.jobs.contract.ManifestFields;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * What ended an attempt with an error, in the words of the error itself (for example MariaDB's
 * "Access denied for user 'extract'@'10.0.0.5'"), written to {@link
 * ExtractionConfig#errorReportPath()} for the console to show on the run. The innermost cause
 * usually says what happened; the outer ones say where. Writing it is best effort: an error report
 * that cannot be written must not hide the error it reports.
 */
final class ErrorReport {
  static final String STATUS = "ERROR";
  private static final int MAX_MESSAGE = 2000;

  private ErrorReport() {}

  static void write(ExtractionConfig config, Throwable error, Configuration hadoop) {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put(ManifestFields.RUN_ID, config.runId());
    report.put(ManifestFields.ATTEMPT, config.attempt());
    report.put("table", config.table());
    report.put(ManifestFields.STATUS, STATUS);
    report.put(ManifestFields.FAILURE, words(error));
    report.put("errorClass", rootCause(error).getClass().getName());
    report.put("at", Instant.now().toString());
    try {
      JsonFiles.writeAtomically(config.errorReportPath(), report, hadoop);
    } catch (Exception e) {
      System.err.println(
          "extraction: cannot write the error report " + config.errorReportPath() + ": " + e);
    }
  }

  /** The innermost cause's message, with its type when the message alone is empty. */
  static String words(Throwable error) {
    Throwable root = rootCause(error);
    String message = root.getMessage();
    String words =
        message == null || message.isBlank()
            ? root.getClass().getSimpleName()
            : root.getClass().getSimpleName() + ": " + message.strip();
    return words.length() <= MAX_MESSAGE ? words : words.substring(0, MAX_MESSAGE) + "…";
  }

  private static Throwable rootCause(Throwable error) {
    Throwable cause = error;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }
}
