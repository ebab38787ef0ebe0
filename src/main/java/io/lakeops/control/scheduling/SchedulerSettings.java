package io.lakeops.control.scheduling;

import java.time.Duration;

/**
 * How the scheduler behaves; configuration maps onto this.
 *
 * @param catchUpCap the most due windows of one job turned into runs in one tick; older missed
 *     windows are skipped and reported (their rows fall into the first window kept)
 * @param pageSize due entries read per page
 * @param streamingCheckEvery how often a running streaming job's entry comes due, to check it is
 *     still live
 * @param restartLoopRestarts this many restarts of a streaming job within {@code restartLoopPeriod}
 *     flag a restart loop
 * @param restartLoopPeriod see {@code restartLoopRestarts}
 * @param tickThreads due entries of one page handled at once; store calls are mostly waiting on the
 *     network, so this is what lets a tick keep up with thousands of due jobs on DynamoDB
 */
public record SchedulerSettings(
    int catchUpCap,
    int pageSize,
    Duration streamingCheckEvery,
    int restartLoopRestarts,
    Duration restartLoopPeriod,
    int tickThreads) {

  public static final SchedulerSettings DEFAULT =
      new SchedulerSettings(12, 100, Duration.ofMinutes(1), 5, Duration.ofMinutes(30), 16);

  public SchedulerSettings {
    if (catchUpCap < 1 || pageSize < 1 || tickThreads < 1 || restartLoopRestarts < 2) {
      throw new IllegalArgumentException(
          "catch-up cap, page size and tick threads must be at least 1, restart-loop restarts at"
              + " least 2");
    }
    if (streamingCheckEvery.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("streaming check interval must be at least 1s");
    }
  }
}
