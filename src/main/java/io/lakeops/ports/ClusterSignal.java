package io.lakeops.ports;

import io.lakeops.domain.ClusterState;
import java.time.Instant;

/**
 * A hint from the provider's side that a cluster's state changed (EMR: a state-change event). Best
 * effort: it may be lost, come twice, come late or out of order, so the console never acts on its
 * word alone but looks at the cluster again.
 *
 * @param providerId the provider's id of the cluster (EMR: {@code j-…})
 * @param claimed the state the signal says the cluster is in; null when it says nothing of the
 *     cluster's own state (an instance fleet's change)
 * @param at when the change happened, by the provider's clock
 * @param what the signal in words, for logs
 * @param receipt the adapter's handle to acknowledge it by
 */
public record ClusterSignal(
    String providerId, ClusterState claimed, Instant at, String what, String receipt) {

  /** Whether the signal says the cluster is ending or ended. */
  public boolean claimsAnEnd() {
    return claimed == ClusterState.TERMINATING || (claimed != null && claimed.isTerminal());
  }
}
