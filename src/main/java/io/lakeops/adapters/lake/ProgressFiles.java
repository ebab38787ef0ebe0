package io.lakeops.adapters.lake;

import com.fasterxml.jackson.databind.JsonNode;
import io.lakeops.domain.JobId;
import io.lakeops.jobs.contract.LakeLayout;
import io.lakeops.ports.LakeObjects;
import io.lakeops.ports.StreamingProgress;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Reads the progress file a streaming job rewrites after each batch: {@code
 * <lakeops.streaming.base>/<job>/progress/progress.json} (see docs/spark-jobs.md), from a folder or
 * from S3 as the {@link LakeObjects} it is given. A file caught half-written or unreadable counts
 * as none: the next refresh reads it again.
 */
class ProgressFiles implements StreamingProgress {
  private static final Logger LOG = Logger.getLogger(ProgressFiles.class);

  private final LakeObjects base;

  ProgressFiles(LakeObjects base) {
    this.base = base;
  }

  @Override
  public Optional<Report> latest(JobId job) {
    try {
      return LakeJson.read(
              base,
              LakeLayout.streamProgress(job.value()) + "/" + LakeLayout.PROGRESS_FILE,
              "the progress file")
          .map(ProgressFiles::report);
    } catch (RuntimeException e) {
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
