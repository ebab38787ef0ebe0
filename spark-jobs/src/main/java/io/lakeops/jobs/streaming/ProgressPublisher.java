package io.lakeops.jobs.streaming;

import io.lakeops.jobs.common.JsonFiles;
import io.lakeops.jobs.contract.LakeLayout;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.apache.spark.sql.streaming.StreamingQueryProgress;

/**
 * Publishes the job's streaming progress as {@code <progress>/progress.json}, rewritten whole
 * (atomically) after every micro-batch of the job's query, so the console can poll one small file
 * instead of talking to the Spark UI. Beside each query's newest batch it keeps the figures of its
 * last {@value #RECENT} batches ({@code recent}, oldest first), which the console charts. Listener
 * callbacks arrive on Spark's listener-bus thread.
 */
final class ProgressPublisher extends StreamingQueryListener {
  static final int RECENT = 120;

  private final String location;
  private final Configuration hadoop;
  private final DeadLetterCounter deadLetters;
  private final BatchEventTimes eventTimes;
  private final Map<String, Map<String, Object>> queries = new TreeMap<>();
  private final Map<String, Deque<Map<String, Object>>> recent = new TreeMap<>();

  ProgressPublisher(
      String progressDir,
      Configuration hadoop,
      DeadLetterCounter deadLetters,
      BatchEventTimes eventTimes) {
    this.location = progressDir + "/" + LakeLayout.PROGRESS_FILE;
    this.hadoop = hadoop;
    this.deadLetters = deadLetters;
    this.eventTimes = eventTimes;
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
    if (maxEventTime == null && eventTimes.newest(p.batchId()) != null) {
      maxEventTime = eventTimes.newest(p.batchId()).toString();
    }
    q.put("watermark", p.eventTime().get("watermark"));
    q.put("maxEventTime", maxEventTime);
    // Event-to-sink latency of the newest event in the batch: batch end minus its event time.
    if (maxEventTime != null && duration != null) {
      long end = Instant.parse(p.timestamp()).toEpochMilli() + duration;
      q.put("latencyMs", end - Instant.parse(maxEventTime).toEpochMilli());
    }
    String name = p.name() == null ? "unnamed" : p.name();
    synchronized (this) {
      Deque<Map<String, Object>> batches = recent.computeIfAbsent(name, k -> new ArrayDeque<>());
      batches.addLast(sample(q));
      while (batches.size() > RECENT) {
        batches.removeFirst();
      }
      // Replace, not merge: a figure of an earlier batch must not linger into this one.
      q.put("recent", List.copyOf(batches));
      queries.put(name, q);
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

  /** The figures of one batch that the console charts over time. */
  private static Map<String, Object> sample(Map<String, Object> batch) {
    Map<String, Object> s = new LinkedHashMap<>();
    for (String key :
        List.of(
            "lastBatchId",
            "batchTimestamp",
            "numInputRows",
            "inputRowsPerSecond",
            "processedRowsPerSecond",
            "batchDurationMs",
            "latencyMs")) {
      s.put(key, batch.get(key));
    }
    return s;
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
