package io.lakeops.jobs.contract;

/**
 * The arguments of {@link JobMainClasses#STREAMING} (docs/spark-jobs.md, "Streaming"). The password
 * is a reference ({@code password-ref}), never a value.
 */
public enum StreamingArg implements JobArg {
  BOOTSTRAP("bootstrap"),
  TOPIC("topic"),
  STARTING_OFFSETS("starting-offsets"),
  MAX_OFFSETS_PER_TRIGGER("max-offsets-per-trigger"),
  CHECKPOINT("checkpoint"),
  LAKE("lake"),
  DEAD_LETTER("dead-letter"),
  PROGRESS("progress"),
  JDBC_URL("jdbc-url"),
  USER("user"),
  PASSWORD_REF("password-ref"),
  TABLE("table"),
  WINDOW_S("window-s"),
  WATERMARK_S("watermark-s"),
  TRIGGER_MS("trigger-ms"),
  NAME("name"),
  SHUFFLE_PARTITIONS("shuffle-partitions");

  private final String key;

  StreamingArg(String key) {
    this.key = key;
  }

  @Override
  public String key() {
    return key;
  }
}
