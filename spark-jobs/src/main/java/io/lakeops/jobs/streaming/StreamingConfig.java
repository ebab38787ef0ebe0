package io.lakeops.jobs.streaming;

import io.lakeops.jobs.common.JobArgs;
import io.lakeops.jobs.common.SqlIdentifiers;
import io.lakeops.jobs.contract.StreamingArg;

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
    JobArgs a = JobArgs.parse(args, StreamingArg.class);
    return new StreamingConfig(
        a.required(StreamingArg.BOOTSTRAP),
        a.required(StreamingArg.TOPIC),
        a.optional(StreamingArg.STARTING_OFFSETS, "earliest"),
        a.intArg(StreamingArg.MAX_OFFSETS_PER_TRIGGER, 0, 0, Integer.MAX_VALUE),
        strip(a.required(StreamingArg.CHECKPOINT)),
        strip(a.required(StreamingArg.LAKE)),
        strip(a.required(StreamingArg.DEAD_LETTER)),
        strip(a.required(StreamingArg.PROGRESS)),
        a.required(StreamingArg.JDBC_URL),
        a.optional(StreamingArg.USER, null),
        a.optional(StreamingArg.PASSWORD_REF, null),
        a.optional(StreamingArg.TABLE, "click_window_aggregates"),
        a.intArg(StreamingArg.WINDOW_S, 60, 1, 86_400),
        a.intArg(StreamingArg.WATERMARK_S, 30, 0, 86_400),
        a.intArg(StreamingArg.TRIGGER_MS, 1000, 100, 30_000),
        a.optional(StreamingArg.NAME, "clickstream"),
        a.intArg(StreamingArg.SHUFFLE_PARTITIONS, 2, 1, 10_000));
  }

  private static String strip(String path) {
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
