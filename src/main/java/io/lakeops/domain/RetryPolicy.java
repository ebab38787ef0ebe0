package io.lakeops.domain;

import java.time.Duration;

/**
 * How often a run is tried again, with separate budgets for infrastructure failures (a cluster or
 * Livy went away) and job failures (the job exited non-zero or a data-quality check failed).
 */
public record RetryPolicy(
    int maxInfrastructureRetries, int maxJobRetries, Duration initialBackoff, Duration maxBackoff) {

  public static final RetryPolicy DEFAULT =
      new RetryPolicy(5, 2, Duration.ofSeconds(30), Duration.ofMinutes(10));

  public RetryPolicy {
    if (maxInfrastructureRetries < 0 || maxJobRetries < 0) {
      throw new IllegalArgumentException("retry limits cannot be negative");
    }
    if (initialBackoff == null || maxBackoff == null || initialBackoff.isNegative()) {
      throw new IllegalArgumentException("backoff durations are required and not negative");
    }
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("maximum backoff is shorter than the initial backoff");
    }
  }

  /** The wait before retry number {@code retry} (1-based): doubling, capped at the maximum. */
  public Duration backoffBefore(int retry) {
    if (retry <= 1) {
      return initialBackoff;
    }
    Duration wait = initialBackoff.multipliedBy(1L << Math.min(retry - 1, 30));
    return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
  }
}
