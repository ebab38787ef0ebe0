package io.lakeops.adapters.lake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lakeops.config.StreamingConfig;
import io.lakeops.domain.JobId;
import io.lakeops.ports.StreamingProgress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Reads the progress file a streaming job rewrites after each batch: {@code
 * <lakeops.streaming.base>/<job>/progress/progress.json} (see docs/spark-jobs.md). Only a base on
 * this machine's file system is read here (the embedded default); an {@code s3a://} base has no
 * progress in the console yet. A file caught half-written or unreadable counts as none: the next
 * refresh reads it again.
 */
@ApplicationScoped
class ProgressFiles implements StreamingProgress {
  private static final Logger LOG = Logger.getLogger(ProgressFiles.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern URI_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]+:.*");

  private final Optional<Path> base;

  @Inject
  ProgressFiles(StreamingConfig config) {
    this(config.base());
  }

  ProgressFiles(String base) {
    String trimmed = base.trim();
    this.base =
        URI_SCHEME.matcher(trimmed).matches() && !trimmed.startsWith("file:")
            ? Optional.empty()
            : Optional.of(Path.of(trimmed.replaceFirst("^file:", "")).toAbsolutePath());
  }

  @Override
  public Optional<Report> latest(JobId job) {
    if (base.isEmpty()) {
      return Optional.empty();
    }
    Path file = base.get().resolve(job.value()).resolve("progress").resolve("progress.json");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(report(JSON.readTree(Files.readString(file))));
    } catch (IOException | RuntimeException e) {
      LOG.debugf("progress of %s not readable now: %s", job, e.getMessage());
      return Optional.empty();
    }
  }

  static Report report(JsonNode doc) {
    List<Query> queries = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> named = doc.path("queries").fields();
    while (named.hasNext()) {
      Map.Entry<String, JsonNode> q = named.next();
      JsonNode v = q.getValue();
      queries.add(
          new Query(
              q.getKey(),
              text(v, "state"),
              number(v, "lastBatchId"),
              instant(v, "batchTimestamp"),
              number(v, "numInputRows"),
              decimal(v, "inputRowsPerSecond"),
              decimal(v, "processedRowsPerSecond"),
              number(v, "batchDurationMs"),
              text(v, "watermark"),
              number(v, "latencyMs"),
              text(v, "error"),
              recent(v.path("recent"))));
    }
    return new Report(
        instant(doc, "updatedAt"),
        doc.path("deadLetters").path("total").asLong(0),
        doc.path("deadLetters").path("lastBatch").asLong(0),
        queries);
  }

  private static List<Batch> recent(JsonNode batches) {
    List<Batch> recent = new ArrayList<>();
    for (JsonNode b : batches) {
      Instant at = instant(b, "batchTimestamp");
      Long id = number(b, "lastBatchId");
      if (at != null && id != null) {
        recent.add(
            new Batch(
                id,
                at,
                number(b, "numInputRows"),
                decimal(b, "inputRowsPerSecond"),
                decimal(b, "processedRowsPerSecond"),
                number(b, "batchDurationMs"),
                number(b, "latencyMs")));
      }
    }
    return recent;
  }

  private static String text(JsonNode v, String field) {
    JsonNode f = v.path(field);
    return f.isMissingNode() || f.isNull() ? null : f.asText();
  }

  private static Long number(JsonNode v, String field) {
    JsonNode f = v.path(field);
    return f.isNumber() ? f.asLong() : null;
  }

  private static Double decimal(JsonNode v, String field) {
    JsonNode f = v.path(field);
    return f.isNumber() ? f.asDouble() : null;
  }

  private static Instant instant(JsonNode v, String field) {
    String t = text(v, field);
    try {
      return t == null ? null : Instant.parse(t);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
