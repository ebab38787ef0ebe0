package io.lakeops.jobs.streaming;

import io.lakeops.jobs.common.JobArgs;
import io.lakeops.jobs.common.SqlIdentifiers;
import java.util.Set;

/**
 * Settings of the click-stream query, parsed from the job's arguments.
 *
 * @param checkpoint the checkpoint root; the job's query keeps its folder ({@code clicks/}) below
 *     it, so a restarted job resumes where it stopped
 * @param lake lake root; the raw events land as Parquet under {@code click_events/}
 * @param deadLetter where records that are not valid click events are written, as JSON lines
 * @param progress folder of {@code progress.json}, which the console polls
 * @param maxOffsetsPerTrigger cap on records per micro-batch, 0 for no cap
 * @param table the PostgreSQL aggregate table; its ledger of applied batches is {@code
 *     <table>_batches}
 * @param watermarkSeconds accepted so the console's arguments keep parsing; the job keeps no
 *     streaming state, so no late event is dropped and the setting has no effect (a late event is
 *     added to its window whenever it arrives)
 * @param shufflePartitions partitions of the one shuffle of a micro-batch, which carries only the
 *     batch's partial aggregates (windows x pages rows): a few are plenty at any input rate
 */
public record StreamingConfig(
    String bootstrapServers,
    String topic,
    String startingOffsets,
    long maxOffsetsPerTrigger,
    String checkpoint,
    String lake,
    String deadLetter,
    String progress,
    String jdbcUrl,
    String user,
    String passwordRef,
    String table,
    int windowSeconds,
    int watermarkSeconds,
    int triggerMillis,
    String name,
    int shufflePartitions) {

  static final Set<String> ARGS =
      Set.of(
          "bootstrap",
          "topic",
          "starting-offsets",
          "max-offsets-per-trigger",
          "checkpoint",
          "lake",
          "dead-letter",
          "progress",
          "jdbc-url",
          "user",
          "password-ref",
          "table",
          "window-s",
          "watermark-s",
          "trigger-ms",
          "name",
          "shuffle-partitions");

  public StreamingConfig {
    SqlIdentifiers.table(table);
    if (triggerMillis < 100 || triggerMillis > 30_000) {
      throw new IllegalArgumentException("trigger must be within 100 ms .. 30 s: " + triggerMillis);
    }
    if (!name.matches("[a-z0-9][a-z0-9_-]{0,62}")) {
      throw new IllegalArgumentException("query name must be a lower-case id: " + name);
    }
  }

  public static StreamingConfig fromArgs(String[] args) {
    JobArgs a = JobArgs.parse(args, ARGS);
    return new StreamingConfig(
        a.required("bootstrap"),
        a.required("topic"),
        a.optional("starting-offsets", "earliest"),
        a.intArg("max-offsets-per-trigger", 0, 0, Integer.MAX_VALUE),
        strip(a.required("checkpoint")),
        strip(a.required("lake")),
        strip(a.required("dead-letter")),
        strip(a.required("progress")),
        a.required("jdbc-url"),
        a.optional("user", null),
        a.optional("password-ref", null),
        a.optional("table", "click_window_aggregates"),
        a.intArg("window-s", 60, 1, 86_400),
        a.intArg("watermark-s", 30, 0, 86_400),
        a.intArg("trigger-ms", 1000, 100, 30_000),
        a.optional("name", "clickstream"),
        a.intArg("shuffle-partitions", 2, 1, 10_000));
  }

  private static String strip(String path) {
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
