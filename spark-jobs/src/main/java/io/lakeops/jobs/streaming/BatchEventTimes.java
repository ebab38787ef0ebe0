package io.lakeops.jobs.streaming;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The newest event time of each recent micro-batch, kept by the batch writer for {@link
 * ProgressPublisher}: the query has no event-time watermark (it keeps no state), so Spark's
 * progress carries no event times, and the publisher's latency figure is computed from these. Keyed
 * by batch id because the listener reports a batch after the writer may have begun the next.
 */
final class BatchEventTimes {
  private static final int KEPT = 16;

  private final Map<Long, Instant> newest =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Instant> eldest) {
          return size() > KEPT;
        }
      };

  synchronized void record(long batchId, Instant newestEventTime) {
    newest.put(batchId, newestEventTime);
  }

  /** The batch's newest event time; null when it had no valid event or is too old. */
  synchronized Instant newest(long batchId) {
    return newest.get(batchId);
  }
}
