package io.lakeops.control.jobs;

import io.lakeops.domain.Durations;
import io.lakeops.domain.ExtractionSpec;
import io.lakeops.domain.Job;
import io.lakeops.domain.RetryPolicy;
import io.lakeops.domain.StreamingSpec;
import java.util.List;

/**
 * A job definition as an author writes it (API body, console form or definitions file): plain text
 * and numbers, checked by {@link JobDefinitionValidator} before it becomes a {@link Job}.
 */
public record JobDefinition(
    String id,
    String description,
    String kind,
    String pool,
    String schedule,
    Boolean paused,
    Retry retry,
    Extraction extraction,
    Streaming streaming) {

  /** Retry limits and backoff; every field optional. */
  public record Retry(
      Integer maxInfrastructureRetries,
      Integer maxJobRetries,
      String initialBackoff,
      String maxBackoff) {}

  /** The extraction part; see {@link ExtractionSpec}. */
  public record Extraction(
      String source,
      String table,
      List<String> keyColumns,
      String watermarkColumn,
      String watermarkKind,
      Integer parallelism,
      Integer fetchSize,
      String keyCheck,
      String rowCountCheck,
      Double rowCountTolerance) {}

  /** The streaming part; see {@link StreamingSpec}. */
  public record Streaming(
      String topic, String trigger, String window, String watermarkDelay, String sinkTable) {}

  /** The definition a stored job was made from, for editing and for the API. */
  public static JobDefinition of(Job job) {
    RetryPolicy r = job.retry();
    ExtractionSpec e = job.extraction();
    StreamingSpec s = job.streaming();
    return new JobDefinition(
        job.id().value(),
        job.description(),
        job.kind().name().toLowerCase(),
        job.pool().value(),
        job.schedule() == null ? null : job.schedule().expression(),
        job.paused(),
        new Retry(
            r.maxInfrastructureRetries(),
            r.maxJobRetries(),
            Durations.format(r.initialBackoff()),
            Durations.format(r.maxBackoff())),
        e == null
            ? null
            : new Extraction(
                e.source(),
                e.table(),
                e.keyColumns(),
                e.watermarkColumn(),
                e.watermarkKind().name().toLowerCase(),
                e.parallelism(),
                e.fetchSize(),
                e.keyCheck().name().toLowerCase(),
                e.rowCountCheck().name().toLowerCase(),
                e.rowCountTolerance()),
        s == null
            ? null
            : new Streaming(
                s.topic(),
                Durations.format(s.trigger()),
                Durations.format(s.window()),
                Durations.format(s.watermarkDelay()),
                s.sinkTable()));
  }
}
