package io.lakeops.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * What streaming jobs share: the Kafka cluster they read, the PostgreSQL database they write and
 * where each keeps its checkpoint, progress and dead letters. A streaming job is refused at
 * submission while a key it needs is unset.
 */
@ConfigMapping(prefix = "lakeops.streaming")
public interface StreamingConfig {

  /** Kafka bootstrap servers as the cluster reaches them ({@code broker-1:9092,broker-2:9092}). */
  Optional<String> kafkaBootstrap();

  /**
   * The name of the source in {@code lakeops.sources} that is the PostgreSQL database the
   * aggregates are upserted into.
   */
  Optional<String> sinkSource();

  /**
   * The folder or URI ({@code s3a://bucket/streaming} on EMR) under which each streaming job keeps
   * {@code <job>/checkpoint}, {@code <job>/progress} and {@code <job>/dead-letter}. The checkpoint
   * belongs to the job, not to a run, so a restarted job resumes where it stopped.
   */
  @WithDefault("${lakeops.data-dir}/streaming")
  String base();
}
