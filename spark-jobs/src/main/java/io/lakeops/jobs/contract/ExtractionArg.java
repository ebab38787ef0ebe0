package io.lakeops.jobs.contract;

/**
 * The arguments of {@link JobMainClasses#EXTRACTION} (docs/spark-jobs.md, "Arguments"). The
 * password is a reference ({@code password-ref}), never a value.
 */
public enum ExtractionArg implements JobArg {
  JDBC_URL("jdbc-url"),
  USER("user"),
  PASSWORD_REF("password-ref"),
  TABLE("table"),
  KEY("key"),
  WATERMARK_COLUMN("watermark-column"),
  WATERMARK_KIND("watermark-kind"),
  RUN_ID("run-id"),
  ATTEMPT("attempt"),
  WINDOW_LOW("window-low"),
  WINDOW_HIGH("window-high"),
  OUTPUT("output"),
  PARALLELISM("parallelism"),
  FETCH_SIZE("fetch-size"),
  LAST_SCHEMA("last-schema"),
  RECENT_COUNTS("recent-counts"),
  ROW_COUNT_TOLERANCE("row-count-tolerance"),
  SEVERITY_KEY_NOT_NULL("severity-key-not-null"),
  SEVERITY_KEY_UNIQUE("severity-key-unique"),
  SEVERITY_ROW_COUNT("severity-row-count");

  private final String key;

  ExtractionArg(String key) {
    this.key = key;
  }

  @Override
  public String key() {
    return key;
  }
}
