package io.lakeops.adapters.spark;

import io.lakeops.adapters.sources.ConfiguredSources;
import io.lakeops.config.SourcesConfig;
import io.lakeops.config.StreamingConfig;
import io.lakeops.domain.Identifiers;
import io.lakeops.domain.Job;
import io.lakeops.domain.StreamingSpec;
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
    String home = Locations.absolute(config.base()) + "/" + job.id().value();
    return new ArgList()
        .add("bootstrap", bootstrap)
        .add("topic", spec.topic())
        .add("checkpoint", home + "/checkpoint")
        .add("lake", lake + "/stream=" + job.id().value())
        .add("dead-letter", home + "/dead-letter")
        .add("progress", home + "/progress")
        .add("jdbc-url", sink.jdbcUrl())
        .addIfPresent("user", sink.user())
        .addIfPresent("password-ref", sink.passwordRef())
        .add("table", spec.sinkTable())
        .add("window-s", spec.window().toSeconds())
        .add("watermark-s", spec.watermarkDelay().toSeconds())
        .add("trigger-ms", spec.trigger().toMillis())
        .add("name", job.id().value())
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
