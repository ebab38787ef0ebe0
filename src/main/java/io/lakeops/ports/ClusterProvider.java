package io.lakeops.ports;

import io.lakeops.domain.ClusterId;
import io.lakeops.domain.Pool;
import java.util.Collection;
import java.util.Map;

/**
 * Where clusters come from: EMR in production, child processes (a Livy server whose spark-submit
 * runs Spark in local mode) in the embedded default. Launching is asynchronous: the reconciler
 * reads {@link #describe} once per pass until the cluster is ready or has failed.
 */
public interface ClusterProvider {

  /**
   * Starts launching cluster {@code id} for {@code pool}; returns the provider's id for it. Asking
   * again for an id whose cluster is alive returns that cluster: a repeated launch starts nothing.
   */
  String launch(ClusterId id, Pool pool);

  /**
   * What the provider sees of these clusters now, in as few calls as it can (EMR: one paged
   * ListClusters), keyed by provider id. An id the provider does not know is absent.
   */
  Map<String, ProvidedCluster> describe(Collection<String> providerIds);

  /** Starts terminating the cluster; a no-op when it is already gone. */
  void terminate(String providerId);

  /**
   * Kills the cluster at once, as a spot interruption would, so operators can rehearse failover.
   * Only local clusters can; false when this provider cannot.
   */
  default boolean simulateLoss(String providerId) {
    return false;
  }

  /** Whether {@link #simulateLoss} does anything here. */
  default boolean canSimulateLoss() {
    return false;
  }
}
