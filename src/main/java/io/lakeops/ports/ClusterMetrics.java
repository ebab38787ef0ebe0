package io.lakeops.ports;

import java.util.Collection;
import java.util.Map;

/**
 * The health figures a provider's monitoring keeps of its clusters, for the clusters pane. Reading
 * them may cost money and is slow to change, so an adapter may answer from what it read a few
 * minutes ago; it never fails the page: figures it cannot read are absent.
 */
public interface ClusterMetrics {

  /** A provider without monitoring (local clusters). */
  ClusterMetrics NONE =
      new ClusterMetrics() {
        @Override
        public Map<String, ClusterFigures> latest(Collection<String> providerIds) {
          return Map.of();
        }

        @Override
        public boolean keepsFigures() {
          return false;
        }
      };

  /** The latest figures of these clusters, keyed by provider id; absent where there are none. */
  Map<String, ClusterFigures> latest(Collection<String> providerIds);

  /** Whether there are figures at all here (the pane has a column for them only then). */
  default boolean keepsFigures() {
    return true;
  }
}
