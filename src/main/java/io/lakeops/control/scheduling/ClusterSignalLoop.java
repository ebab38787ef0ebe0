package io.lakeops.control.scheduling;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Runs a {@link ClusterSignalFeed} on a thread of its own until closed: receive after receive while
 * this replica leads, a short wait between looks while it does not, and a doubling backoff (up to
 * half a minute) while receiving fails, so that the loop never spins and never dies silently.
 */
public final class ClusterSignalLoop implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(ClusterSignalLoop.class.getName());
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private final ClusterSignalFeed feed;
  private final Duration followerWait;
  private final Consumer<ClusterSignalFeed.Outcome> report;
  private final Thread thread;
  private volatile boolean running = true;

  /**
   * @param followerWait how long a replica that does not lead waits before looking again
   * @param report told of every receive, for metrics and logs
   */
  public ClusterSignalLoop(
      ClusterSignalFeed feed, Duration followerWait, Consumer<ClusterSignalFeed.Outcome> report) {
    this.feed = feed;
    this.followerWait = followerWait;
    this.report = report;
    this.thread = new Thread(this::run, "lakeops-cluster-signals");
    this.thread.setDaemon(true);
  }

  public ClusterSignalLoop start() {
    thread.start();
    return this;
  }

  private void run() {
    Duration backoff = Duration.ofSeconds(1);
    while (running) {
      try {
        ClusterSignalFeed.Outcome outcome = feed.once();
        report.accept(outcome);
        backoff = Duration.ofSeconds(1);
        if (!outcome.leading()) {
          sleep(followerWait);
        }
      } catch (RuntimeException e) {
        if (!running) {
          return; // closing: the receive was interrupted
        }
        LOG.log(
            System.Logger.Level.WARNING,
            "Receiving cluster signals failed; trying again in " + backoff,
            e);
        sleep(backoff);
        backoff =
            backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0
                ? MAX_BACKOFF
                : backoff.multipliedBy(2);
      }
    }
  }

  private void sleep(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      running = false;
      Thread.currentThread().interrupt();
    }
  }

  /** Stops the loop and waits a little for its receive to end. */
  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(Duration.ofSeconds(5).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
