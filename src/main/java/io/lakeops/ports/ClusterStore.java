package io.lakeops.ports;

import io.lakeops.domain.Cluster;
import io.lakeops.domain.ClusterId;
import io.lakeops.domain.PoolName;
import java.util.Optional;

/** Clusters, each written with a conditional write on its version. */
public interface ClusterStore {

  /** Stores a new cluster at version 1; {@link AlreadyExistsException} when the id is taken. */
  Cluster createCluster(Cluster cluster);

  Optional<Cluster> findCluster(ClusterId id);

  /** Replaces a cluster at its version; see {@link JobStore#updateJob}. */
  Cluster updateCluster(Cluster cluster);

  /** Clusters of {@code pool}, newest first; terminated ones included. */
  Page<Cluster> findClusters(PoolName pool, PageRequest page);

  /** Clusters that are not terminated or failed, across pools. */
  Page<Cluster> findLiveClusters(PageRequest page);
}
