package io.lakeops.domain;

import java.time.Instant;

/**
 * A job definition. Exactly one of {@code extraction} and {@code streaming} is set, matching {@code
 * kind}; only extraction jobs have a schedule. {@code version} is the store's optimistic-lock
 * version: 0 for a definition that has not been stored yet.
 */
public record Job(
    JobId id,
    String description,
    JobKind kind,
    PoolName pool,
    Schedule schedule,
    RetryPolicy retry,
    ExtractionSpec extraction,
    StreamingSpec streaming,
    boolean paused,
    long version,
    Instant updatedAt) {

  public Job withPaused(boolean value) {
    return new Job(
        id,
        description,
        kind,
        pool,
        schedule,
        retry,
        extraction,
        streaming,
        value,
        version,
        updatedAt);
  }

  /** The same definition as stored at {@code newVersion} and {@code at}. */
  public Job stored(long newVersion, Instant at) {
    return new Job(
        id,
        description,
        kind,
        pool,
        schedule,
        retry,
        extraction,
        streaming,
        paused,
        newVersion,
        at);
  }
}
