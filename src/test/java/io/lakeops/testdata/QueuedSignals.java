package io.lakeops.testdata;

import io.lakeops.ports.ClusterSignal;
import io.lakeops.ports.ClusterSignals;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Cluster signals in memory: each receive hands out the next batch the test queued (none: an empty
 * one, as a long poll that timed out); counts receives and keeps what was acknowledged.
 */
public final class QueuedSignals implements ClusterSignals {
  private final Deque<Batch> batches = new ArrayDeque<>();
  private final List<String> handled = new ArrayList<>();
  private int receives;

  public synchronized void deliver(ClusterSignal... signals) {
    batches.add(new Batch(List.of(signals), 0, 0));
  }

  public synchronized List<String> handled() {
    return List.copyOf(handled);
  }

  public synchronized int receives() {
    return receives;
  }

  @Override
  public synchronized Batch receive() {
    receives++;
    return batches.isEmpty() ? Batch.EMPTY : batches.poll();
  }

  @Override
  public synchronized void handled(ClusterSignal signal) {
    handled.add(signal.receipt());
  }

  @Override
  public void close() {}
}
