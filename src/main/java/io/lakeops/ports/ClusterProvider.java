package io.lakeops.ports;

import io.lakeops.domain.ClusterId;
import io.lakeops.domain.Pool;

/**
 * Where clusters come from: EMR in production, child processes (a Livy server whose spark-submit
 * runs Spark in local mode) in the embedded default. Launching is asynchronous: callers poll {@link
 * #describe} until the cluster is ready or has failed.
 */
public interface ClusterProvider {

  /** Starts launching cluster {@code id} for {@code pool}; returns the provider's id for it. */
  String launch(ClusterId id, Pool pool);

  /** What the provider sees of the cluster now, mapped to Lakeops' cluster states. */
  ProvidedCluster describe(String providerId);

  /** Starts terminating the cluster; a no-op when it is already gone. */
  void terminate(String providerId);
}
