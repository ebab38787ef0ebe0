package io.lakeops.adapters.lake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lakeops.config.LakeConfig;
import io.lakeops.domain.Job;
import io.lakeops.domain.JobRun;
import io.lakeops.domain.RunId;
import io.lakeops.domain.RunResult;
import io.lakeops.ports.JobStore;
import io.lakeops.ports.RunResults;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads the manifest an extraction wrote beside its batch in a lake folder: {@code
 * <base>/table=<table>/_manifests/batch=<run>.json} (see docs/spark-jobs.md), or, when the attempt
 * broke with an error before it wrote one, its error report {@code
 * batch=<run>.a<attempt>.error.json} (a failure in the job's own words). Fenced by attempt: a
 * manifest that does not name the run's current attempt (a late result of an attempt that was lost
 * or moved, or one from before attempts were written) is not taken, so it can never decide a newer
 * attempt's outcome.
 */
@ApplicationScoped
class LakeRunResults implements RunResults {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path base;
  private final JobStore jobs;

  LakeRunResults(LakeConfig config, JobStore jobs) {
    this.base = config.base();
    this.jobs = jobs;
  }

  @Override
  public Optional<Manifest> find(JobRun run) {
    Optional<Job> job = jobs.findJob(run.jobId());
    if (job.isEmpty() || job.get().extraction() == null) {
      return Optional.empty();
    }
    String table = job.get().extraction().table();
    Path file = manifestFile(base, table, run.id());
    if (Files.isRegularFile(file)) {
      JsonNode manifest = read(file);
      if (manifest.path("attempt").asInt(0) == run.attempt()) {
        return Optional.of(toManifest(manifest));
      }
    }
    Optional<JsonNode> failed = attemptFile(table, run, "failed");
    if (failed.isPresent()) {
      return Optional.of(toManifest(failed.get()));
    }
    return attemptFile(table, run, "error")
        .map(report -> new Manifest(false, report.path("failure").asText("failed"), null));
  }

  /** The current attempt's own file of {@code kind}: a failed check's manifest, or an error. */
  private Optional<JsonNode> attemptFile(String table, JobRun run, String kind) {
    Path file = attemptFile(base, table, run.id(), run.attempt(), kind);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    JsonNode content = read(file);
    return content.path("attempt").asInt(0) == run.attempt()
        ? Optional.of(content)
        : Optional.empty();
  }

  /** Where attempt {@code attempt} of {@code run} writes its file of {@code kind}. */
  static Path attemptFile(Path base, String table, RunId run, int attempt, String kind) {
    return base.resolve("table=" + table)
        .resolve("_manifests")
        .resolve("batch=" + run.value() + ".a" + attempt + "." + kind + ".json");
  }

  /** Where the extraction of {@code table} writes the manifest of {@code run}. */
  static Path manifestFile(Path base, String table, RunId run) {
    return base.resolve("table=" + table)
        .resolve("_manifests")
        .resolve("batch=" + run.value() + ".json");
  }

  static Manifest toManifest(JsonNode m) {
    boolean succeeded = "SUCCEEDED".equals(m.path("status").asText());
    JsonNode change = m.path("schemaChange");
    RunResult result =
        new RunResult(
            m.path("rowsRead").asLong(),
            m.path("rowsWritten").asLong(),
            m.path("watermarkSeen").path("max").asText(""),
            m.path("dataQuality").toString(),
            change.path("description").asText(""));
    return new Manifest(succeeded, succeeded ? null : m.path("failure").asText("failed"), result);
  }

  static JsonNode read(Path file) {
    try {
      return JSON.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the run manifest " + file, e);
    }
  }
}
