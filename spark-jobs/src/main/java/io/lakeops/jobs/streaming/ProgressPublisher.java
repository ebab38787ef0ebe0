package io.lakeops.jobs.streaming;

import io.lakeops.jobs.common.JsonFiles;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.apache.spark.sql.streaming.StreamingQueryProgress;

/**
 * Publishes the job's streaming progress as {@code <progress>/progress.json}, rewritten whole
 * (atomically) after every micro-batch of either query, so the console can poll one small file
 * instead of talking to the Spark UI. Listener callbacks arrive on Spark's listener-bus thread.
 */
final class ProgressPublisher extends StreamingQueryListener {
  private final String location;
  private final Configuration hadoop;
  private final DeadLetterCounter deadLetters;
  private final Map<String, Map<String, Object>> queries = new TreeMap<>();

  ProgressPublisher(String progressDir, Configuration hadoop, DeadLetterCounter deadLetters) {
    this.location = progressDir + "/progress.json";
    this.hadoop = hadoop;
    this.deadLetters = deadLetters;
  }

  @Override
  public void onQueryStarted(QueryStartedEvent event) {
    update(event.name(), Map.of("state", "STARTED", "id", event.id().toString()));
  }

  @Override
  public void onQueryProgress(QueryProgressEvent event) {
    StreamingQueryProgress p = event.progress();
    Map<String, Object> q = new LinkedHashMap<>();
    q.put("state", "RUNNING");
    q.put("id", p.id().toString());
    q.put("lastBatchId", p.batchId());
    q.put("batchTimestamp", p.timestamp());
    q.put("numInputRows", p.numInputRows());
    q.put("inputRowsPerSecond", finite(p.inputRowsPerSecond()));
    q.put("processedRowsPerSecond", finite(p.processedRowsPerSecond()));
    Long duration = p.durationMs().get("triggerExecution");
    q.put("batchDurationMs", duration);
    String maxEventTime = p.eventTime().get("max");
    q.put("watermark", p.eventTime().get("watermark"));
    q.put("maxEventTime", maxEventTime);
    // Event-to-sink latency of the newest event in the batch: batch end minus its event time.
    if (maxEventTime != null && duration != null) {
      long end = Instant.parse(p.timestamp()).toEpochMilli() + duration;
      q.put("latencyMs", end - Instant.parse(maxEventTime).toEpochMilli());
    }
    // Replace, not merge: a figure of an earlier batch must not linger into this one.
    synchronized (this) {
      queries.put(p.name() == null ? "unnamed" : p.name(), q);
      write();
    }
  }

  @Override
  public void onQueryTerminated(QueryTerminatedEvent event) {
    Map<String, Object> q = new LinkedHashMap<>();
    q.put("state", event.exception().isDefined() ? "FAILED" : "STOPPED");
    q.put("id", event.id().toString());
    q.put("error", event.exception().isDefined() ? event.exception().get() : null);
    synchronized (this) {
      queries.values().stream()
          .filter(v -> event.id().toString().equals(v.get("id")))
          .findFirst()
          .ifPresent(v -> v.putAll(q));
      write();
    }
  }

  private synchronized void update(String name, Map<String, Object> values) {
    queries
        .computeIfAbsent(name == null ? "unnamed" : name, k -> new LinkedHashMap<>())
        .putAll(values);
    write();
  }

  private void write() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("updatedAt", Instant.now().toString());
    doc.put(
        "deadLetters", Map.of("total", deadLetters.total(), "lastBatch", deadLetters.lastBatch()));
    doc.put("queries", queries);
    try {
      JsonFiles.writeAtomically(location, doc, hadoop);
    } catch (Exception e) {
      // Progress is advisory; a failed write must never stop the query.
      System.err.println("progress: cannot write " + location + ": " + e);
    }
  }

  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
