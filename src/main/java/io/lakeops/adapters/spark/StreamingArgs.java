package io.lakeops.adapters.spark;

import io.lakeops.adapters.sources.ConfiguredSources;
import io.lakeops.config.SourcesConfig;
import io.lakeops.config.StreamingConfig;
import io.lakeops.domain.Identifiers;
import io.lakeops.domain.Job;
import io.lakeops.domain.StreamingSpec;
import io.lakeops.jobs.contract.LakeLayout;
import io.lakeops.jobs.contract.StreamingArg;
import io.lakeops.ports.SubmissionRejectedException;
import java.util.List;
import java.util.Optional;

/**
 * The arguments of {@code ClickStreamJob} (docs/spark-jobs.md, "Streaming"). Everything it keeps
 * belongs to the job, not to a run: a new incarnation resumes from the same checkpoint.
 */
final class StreamingArgs {
  private final ConfiguredSources sources;
  private final StreamingConfig config;
  private final String lake;

  StreamingArgs(ConfiguredSources sources, StreamingConfig config, String lake) {
    this.sources = sources;
    this.config = config;
    this.lake = lake;
  }

  List<String> of(Job job) {
    StreamingSpec spec = job.streaming();
    if (!Identifiers.isSqlIdentifier(spec.sinkTable())) {
      throw new SubmissionRejectedException(
          "job " + job.id() + " names a sink table that is not a plain SQL identifier");
    }
    String bootstrap = required(config.kafkaBootstrap(), "lakeops.streaming.kafka-bootstrap");
    SourcesConfig.Source sink =
        sources.require(
            required(config.sinkSource(), "lakeops.streaming.sink-source"),
            "lakeops.streaming.sink-source");
    String base = Locations.absolute(config.base()) + "/";
    String id = job.id().value();
    return new ArgList()
        .add(StreamingArg.BOOTSTRAP, bootstrap)
        .add(StreamingArg.TOPIC, spec.topic())
        .add(StreamingArg.CHECKPOINT, base + LakeLayout.streamCheckpoint(id))
        .add(StreamingArg.LAKE, lake + "/" + LakeLayout.streamLake(id))
        .add(StreamingArg.DEAD_LETTER, base + LakeLayout.streamDeadLetter(id))
        .add(StreamingArg.PROGRESS, base + LakeLayout.streamProgress(id))
        .add(StreamingArg.JDBC_URL, sink.jdbcUrl())
        .addIfPresent(StreamingArg.USER, sink.user())
        .addIfPresent(StreamingArg.PASSWORD_REF, sink.passwordRef())
        .add(StreamingArg.TABLE, spec.sinkTable())
        .add(StreamingArg.WINDOW_S, spec.window().toSeconds())
        .add(StreamingArg.WATERMARK_S, spec.watermarkDelay().toSeconds())
        .add(StreamingArg.TRIGGER_MS, spec.trigger().toMillis())
        .add(StreamingArg.NAME, job.id().value())
        .toList();
  }

  private static String required(Optional<String> value, String key) {
    return value
        .filter(v -> !v.isBlank())
        .orElseThrow(
            () ->
                new SubmissionRejectedException(
                    key + " is not set; streaming jobs cannot be submitted without it"));
  }
}
