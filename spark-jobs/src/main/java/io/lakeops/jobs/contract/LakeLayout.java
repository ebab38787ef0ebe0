package io.lakeops.jobs.contract;

/**
 * Where the jobs leave what the console reads, as paths relative to a root: the lake for an
 * extraction's batches and manifests and a stream's raw events, the streaming base for a streaming
 * job's checkpoint, progress and dead letters. Paths are joined with {@code /}, which is right for
 * local folders, HDFS and S3 keys.
 */
public final class LakeLayout {
  /** The streaming job's progress file, rewritten whole after each micro-batch. */
  public static final String PROGRESS_FILE = "progress.json";

  private LakeLayout() {}

  /** An extracted table's folder: {@code table=<table>}. */
  public static String tableDir(String table) {
    return "table=" + table;
  }

  /** The folder of one run's published batch: {@code table=<table>/batch=<run>}. */
  public static String batchDir(String table, String runId) {
    return tableDir(table) + "/batch=" + runId;
  }

  /** The manifest of a run's published batch, which only a succeeded attempt writes. */
  public static String manifest(String table, String runId) {
    return manifests(table) + "/batch=" + runId + ".json";
  }

  /**
   * A file of one attempt: its manifest when it failed a check ({@link AttemptFile#FAILED}), or its
   * error report when it broke before it could write one ({@link AttemptFile#ERROR}). One per
   * attempt, so a failed re-run never replaces the manifest an earlier attempt published.
   */
  public static String attemptFile(String table, String runId, int attempt, AttemptFile kind) {
    return manifests(table) + "/batch=" + runId + ".a" + attempt + "." + kind.suffix + ".json";
  }

  /** A streaming job's checkpoint below the streaming base: {@code <job>/checkpoint}. */
  public static String streamCheckpoint(String jobId) {
    return jobId + "/checkpoint";
  }

  /** The folder of a streaming job's {@link #PROGRESS_FILE}: {@code <job>/progress}. */
  public static String streamProgress(String jobId) {
    return jobId + "/progress";
  }

  /** Where a streaming job writes records that are not click events: {@code <job>/dead-letter}. */
  public static String streamDeadLetter(String jobId) {
    return jobId + "/dead-letter";
  }

  /** A streaming job's raw events below the lake: {@code stream=<job>}. */
  public static String streamLake(String jobId) {
    return "stream=" + jobId;
  }

  private static String manifests(String table) {
    return tableDir(table) + "/_manifests";
  }

  /** The kinds of file an attempt writes for itself. */
  public enum AttemptFile {
    FAILED("failed"),
    ERROR("error");

    private final String suffix;

    AttemptFile(String suffix) {
      this.suffix = suffix;
    }
  }
}
