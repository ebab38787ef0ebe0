package io.lakeops.jobs.contract;

/**
 * The fields of an extraction's manifest (and of an attempt's error report) that the console reads;
 * docs/spark-jobs.md, "Manifest", lists them all. A test of the jar checks that the manifest it
 * writes has each of them.
 */
public final class ManifestFields {
  public static final String RUN_ID = "runId";

  /** The attempt that wrote the file; the console takes only its run's current attempt's. */
  public static final String ATTEMPT = "attempt";

  /** {@link #SUCCEEDED} or {@code FAILED}. */
  public static final String STATUS = "status";

  public static final String FAILURE = "failure";
  public static final String ROWS_READ = "rowsRead";
  public static final String ROWS_WRITTEN = "rowsWritten";

  /** An object whose {@link #WATERMARK_MAX} is the largest watermark value the window held. */
  public static final String WATERMARK_SEEN = "watermarkSeen";

  public static final String WATERMARK_MAX = "max";
  public static final String DATA_QUALITY = "dataQuality";

  /** The schema the run read, which the next run compares its own with. */
  public static final String SCHEMA_FINGERPRINT = "schemaFingerprint";

  /** An object whose {@link #SCHEMA_CHANGE_DESCRIPTION} says what changed since the last run. */
  public static final String SCHEMA_CHANGE = "schemaChange";

  public static final String SCHEMA_CHANGE_DESCRIPTION = "description";

  public static final String SUCCEEDED = "SUCCEEDED";

  private ManifestFields() {}
}
