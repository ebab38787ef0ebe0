package io.lakeops.jobs.streaming;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts dead-lettered records since the job started. It lives on the driver (foreachBatch runs
 * there) and is read by {@link ProgressPublisher}; the durable record is the dead-letter output.
 */
public final class DeadLetterCounter {
  private final AtomicLong total = new AtomicLong();
  private final AtomicLong lastBatch = new AtomicLong();

  void add(long count) {
    lastBatch.set(count);
    total.addAndGet(count);
  }

  public long total() {
    return total.get();
  }

  public long lastBatch() {
    return lastBatch.get();
  }
}
