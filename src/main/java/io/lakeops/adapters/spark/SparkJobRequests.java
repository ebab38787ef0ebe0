package io.lakeops.adapters.spark;

import io.lakeops.adapters.lake.SchemaFingerprints;
import io.lakeops.adapters.sources.ConfiguredSources;
import io.lakeops.config.LakeConfig;
import io.lakeops.config.SourcesConfig;
import io.lakeops.config.SparkJobsConfig;
import io.lakeops.config.StreamingConfig;
import io.lakeops.control.runs.SubmitRequests;
import io.lakeops.domain.Job;
import io.lakeops.domain.JobRun;
import io.lakeops.jobs.contract.JobMainClasses;
import io.lakeops.ports.RunStore;
import io.lakeops.ports.SubmitRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * The Spark application of a run attempt: the spark-jobs job jar, the main class of the job's kind
 * and the arguments built from the job and the run. Arguments name secrets by reference only
 * ({@code env:}, {@code file:}), since Livy keeps and logs them. A job whose source or streaming
 * settings are missing is refused, which the dispatcher records as a job failure.
 */
@ApplicationScoped
public class SparkJobRequests implements SubmitRequests {
  private final String jar;
  private final ExtractionArgs extraction;
  private final StreamingArgs streaming;
  private final Map<String, String> extractionConf;
  private final Map<String, String> streamingConf;

  SparkJobRequests(
      SparkJobsConfig jobs,
      SourcesConfig sources,
      StreamingConfig streamingConfig,
      LakeConfig lakeConfig,
      RunStore runs,
      SchemaFingerprints fingerprints) {
    ConfiguredSources configured = new ConfiguredSources(sources);
    String lake = Locations.absolute(jobs.lake().orElse(lakeConfig.base()));
    this.jar = Locations.absolute(jobs.jar());
    this.extraction = new ExtractionArgs(configured, lake, runs, fingerprints);
    this.streaming = new StreamingArgs(configured, streamingConfig, lake);
    this.extractionConf = Map.copyOf(jobs.extractionConf());
    this.streamingConf = Map.copyOf(jobs.streamingConf());
  }

  @Override
  public SubmitRequest forAttempt(Job job, JobRun run, String name) {
    return switch (job.kind()) {
      case EXTRACTION ->
          new SubmitRequest(
              name, jar, JobMainClasses.EXTRACTION, extraction.of(job, run), extractionConf);
      case STREAMING ->
          new SubmitRequest(name, jar, JobMainClasses.STREAMING, streaming.of(job), streamingConf);
    };
  }
}
