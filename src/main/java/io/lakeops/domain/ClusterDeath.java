package io.lakeops.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * How the console learnt that a cluster ended without being asked to: when the provider says it
 * happened, when the console noticed, and which signal told it first.
 *
 * @param diedAt the provider's time of the change (EMR: the state-change event's time, or the end
 *     time in the cluster's timeline); null when the provider did not say
 * @param noticedAt when the console recorded it
 * @param signal what made the console look: a state-change event, or its own poll
 */
public record ClusterDeath(Instant diedAt, Instant noticedAt, Signal signal) {

  /** What told the console first. */
  public enum Signal {
    /** A state-change event pushed by the provider's side (EMR → EventBridge → SQS). */
    EVENT,
    /** The reconciler's regular describe of every live cluster. */
    POLL
  }

  /** From the death to its notice; null when the death's time is unknown, never negative. */
  public Duration timeToDetect() {
    if (diedAt == null) {
      return null;
    }
    Duration took = Duration.between(diedAt, noticedAt);
    return took.isNegative() ? Duration.ZERO : took;
  }
}
