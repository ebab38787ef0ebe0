package io.lakeops.jobs.streaming;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.util.AccumulatorV2;

/**
 * The aggregates of a micro-batch, counted while its rows are written to the lake instead of by a
 * second Spark job: the write's filter hands each record to this accumulator. Spark merges the
 * accumulator updates of a job's result tasks once per partition (a retried or speculative attempt
 * adds nothing), and the lake write's tasks are result tasks, so each record is counted exactly
 * once per run of the batch. Invalid records are counted, not tallied by window.
 */
final class BatchTally extends AccumulatorV2<BatchTally.Event, BatchTally> {
  /** One record: its validity and, for a valid event, what it adds to its window. */
  record Event(
      boolean valid, long windowStart, String page, boolean pageView, String user, long time)
      implements Serializable {
    static final Event INVALID = new Event(false, 0, null, false, null, 0);
  }

  private Map<WindowKey, WindowTally> windows = new HashMap<>();
  private long invalid;

  /** A window and page, by the window's start in epoch milliseconds. */
  record WindowKey(long start, String page) implements Serializable {}

  @Override
  public boolean isZero() {
    return windows.isEmpty() && invalid == 0;
  }

  @Override
  public BatchTally copy() {
    BatchTally copy = new BatchTally();
    copy.merge(this);
    return copy;
  }

  @Override
  public void reset() {
    windows = new HashMap<>();
    invalid = 0;
  }

  @Override
  public void add(Event e) {
    if (!e.valid()) {
      invalid++;
      return;
    }
    windows
        .computeIfAbsent(new WindowKey(e.windowStart(), e.page()), k -> new WindowTally())
        .add(e.pageView(), e.user(), e.time());
  }

  @Override
  public void merge(AccumulatorV2<Event, BatchTally> other) {
    BatchTally o = (BatchTally) other;
    invalid += o.invalid;
    o.windows.forEach(
        (key, tally) -> windows.computeIfAbsent(key, k -> new WindowTally()).merge(tally));
  }

  @Override
  public BatchTally value() {
    return this;
  }

  @Override
  public String toString() {
    return "BatchTally(" + windows.size() + " windows x pages, " + invalid + " invalid)";
  }

  Map<WindowKey, WindowTally> windows() {
    return windows;
  }

  long invalid() {
    return invalid;
  }
}
