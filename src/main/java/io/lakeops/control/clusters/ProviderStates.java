package io.lakeops.control.clusters;

import io.lakeops.domain.ClusterState;
import java.util.Optional;

/**
 * Where a cluster goes when its provider reports a state: the one mapping from what the provider
 * sees to what Lakeops records.
 */
final class ProviderStates {
  private ProviderStates() {}

  /** The state to record, or empty when the report changes nothing. */
  static Optional<ClusterState> next(ClusterState recorded, ClusterState reported) {
    if (recorded.isTerminal() || recorded == reported) {
      return Optional.empty();
    }
    if (reported == ClusterState.TERMINATED && recorded != ClusterState.TERMINATING) {
      // Gone without being asked to go: a spot loss or a crash.
      return Optional.of(ClusterState.FAILED);
    }
    if (reported == ClusterState.STARTING || reported == ClusterState.REQUESTED) {
      return Optional.empty();
    }
    return recorded.canMoveTo(reported) ? Optional.of(reported) : Optional.empty();
  }
}
