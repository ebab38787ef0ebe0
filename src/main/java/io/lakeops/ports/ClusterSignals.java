package io.lakeops.ports;

import java.util.List;

/**
 * Where hints that clusters changed come from, pushed by the provider's side (EMR state-change
 * events through an SQS queue) so the reconciler need not wait for its next poll. Optional and best
 * effort: the poll stays the backstop.
 */
public interface ClusterSignals extends AutoCloseable {

  /**
   * Waits a while (a long poll) for signals. What could not be read, or is not about a cluster, is
   * discarded by the adapter and counted in the batch, never returned.
   */
  Batch receive();

  /** Acknowledges a signal once it was acted on, so that it is not delivered again. */
  void handled(ClusterSignal signal);

  @Override
  void close();

  /**
   * One receive.
   *
   * @param signals the signals about clusters, to act on and then acknowledge
   * @param ignored messages that were well formed but about something else, dropped
   * @param garbage messages that could not be read, dropped
   */
  record Batch(List<ClusterSignal> signals, int ignored, int garbage) {
    public static final Batch EMPTY = new Batch(List.of(), 0, 0);
  }
}
