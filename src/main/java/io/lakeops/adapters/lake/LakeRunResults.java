package io.lakeops.adapters.lake;

import com.fasterxml.jackson.databind.JsonNode;
import io.lakeops.domain.Job;
import io.lakeops.domain.JobRun;
import io.lakeops.domain.RunResult;
import io.lakeops.jobs.contract.LakeLayout;
import io.lakeops.jobs.contract.LakeLayout.AttemptFile;
import io.lakeops.jobs.contract.ManifestFields;
import io.lakeops.ports.JobStore;
import io.lakeops.ports.LakeObjects;
import io.lakeops.ports.RunResults;
import java.util.Optional;

/**
 * Reads the manifest an extraction wrote beside its batch in the lake: {@code
 * table=<table>/_manifests/batch=<run>.json} ({@link LakeLayout}, docs/spark-jobs.md), or, when the
 * attempt broke with an error before it wrote one, its error report {@code
 * batch=<run>.a<attempt>.error.json} (a failure in the job's own words). Fenced by attempt: a
 * manifest that does not name the run's current attempt (a late result of an attempt that was lost
 * or moved, or one from before attempts were written) is not taken, so it can never decide a newer
 * attempt's outcome. Where the lake's objects are read from (a folder, S3) is the {@link
 * LakeObjects} it is given.
 */
class LakeRunResults implements RunResults {
  private static final String MANIFEST = "the run manifest";

  private final LakeObjects lake;
  private final JobStore jobs;

  LakeRunResults(LakeObjects lake, JobStore jobs) {
    this.lake = lake;
    this.jobs = jobs;
  }

  @Override
  public Optional<Manifest> find(JobRun run) {
    Optional<Job> job = jobs.findJob(run.jobId());
    if (job.isEmpty() || job.get().extraction() == null) {
      return Optional.empty();
    }
    String table = job.get().extraction().table();
    Optional<JsonNode> published =
        LakeJson.read(lake, LakeLayout.manifest(table, run.id().value()), MANIFEST)
            .filter(m -> isOf(m, run));
    if (published.isPresent()) {
      return Optional.of(toManifest(published.get()));
    }
    Optional<JsonNode> failed = attemptFile(table, run, AttemptFile.FAILED);
    if (failed.isPresent()) {
      return Optional.of(toManifest(failed.get()));
    }
    return attemptFile(table, run, AttemptFile.ERROR)
        .map(
            report ->
                new Manifest(false, report.path(ManifestFields.FAILURE).asText("failed"), null));
  }

  /** The current attempt's own file of {@code kind}: a failed check's manifest, or an error. */
  private Optional<JsonNode> attemptFile(String table, JobRun run, AttemptFile kind) {
    String key = LakeLayout.attemptFile(table, run.id().value(), run.attempt(), kind);
    return LakeJson.read(lake, key, MANIFEST).filter(m -> isOf(m, run));
  }

  private static boolean isOf(JsonNode document, JobRun run) {
    return document.path(ManifestFields.ATTEMPT).asInt(0) == run.attempt();
  }

  static Manifest toManifest(JsonNode m) {
    boolean succeeded = ManifestFields.SUCCEEDED.equals(m.path(ManifestFields.STATUS).asText());
    JsonNode change = m.path(ManifestFields.SCHEMA_CHANGE);
    RunResult result =
        new RunResult(
            m.path(ManifestFields.ROWS_READ).asLong(),
            m.path(ManifestFields.ROWS_WRITTEN).asLong(),
            m.path(ManifestFields.WATERMARK_SEEN).path(ManifestFields.WATERMARK_MAX).asText(""),
            m.path(ManifestFields.DATA_QUALITY).toString(),
            change.path(ManifestFields.SCHEMA_CHANGE_DESCRIPTION).asText(""));
    return new Manifest(
        succeeded, succeeded ? null : m.path(ManifestFields.FAILURE).asText("failed"), result);
  }
}
