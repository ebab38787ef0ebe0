package io.lakeops.adapters;

import io.lakeops.adapters.emr.CloudWatchClusterMetrics;
import io.lakeops.adapters.emr.EmrClusterProvider;
import io.lakeops.adapters.livy.FixedLivyProvider;
import io.lakeops.adapters.local.LocalClusterProvider;
import io.lakeops.config.ClustersConfig;
import io.lakeops.config.EmrConfig;
import io.lakeops.config.PoolsConfig;
import io.lakeops.ports.ClusterMetrics;
import io.lakeops.ports.ClusterProvider;
import io.lakeops.ports.SparkSubmitter;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import org.jboss.logging.Logger;

/**
 * Chooses where clusters (and their health figures) come from by {@code lakeops.clusters.provider}.
 * Only the chosen adapter is created: the local one stops stale child processes when it starts,
 * which a console on EMR must never do, and the EMR and Livy ones check every pool's configuration
 * for them, which a local console need not have.
 */
@ApplicationScoped
class ClusterProviderProducer {
  private static final Logger LOG = Logger.getLogger(ClusterProviderProducer.class);

  @Produces
  @ApplicationScoped
  ClusterProvider clusterProvider(
      ClustersConfig config,
      Instance<LocalClusterProvider> local,
      EmrConfig emr,
      PoolsConfig pools,
      SparkSubmitter livy) {
    LOG.infof("Clusters come from the %s provider", config.provider().name().toLowerCase());
    return switch (config.provider()) {
      case LOCAL -> local.get();
      case EMR -> EmrClusterProvider.connect(emr, pools);
      case LIVY -> FixedLivyProvider.connect(pools, livy);
    };
  }

  /** The clusters' health figures: CloudWatch's for EMR; local clusters and Livy servers none. */
  @Produces
  @ApplicationScoped
  ClusterMetrics clusterMetrics(ClustersConfig config, EmrConfig emr) {
    return switch (config.provider()) {
      case LOCAL, LIVY -> ClusterMetrics.NONE;
      case EMR -> CloudWatchClusterMetrics.connect(emr);
    };
  }

  /**
   * The provider is made at its first use; an EMR or Livy pool configured wrongly must stop the
   * start instead, naming the key.
   */
  void checkAtStart(@Observes StartupEvent start, ClustersConfig config, PoolsConfig pools) {
    switch (config.provider()) {
      case EMR -> EmrClusterProvider.check(pools);
      case LIVY -> FixedLivyProvider.check(pools);
      case LOCAL -> {
        // checked at the first launch: the build's jars
      }
    }
  }

  /** Closes the EMR client; the local provider stops its own clusters as a bean of its own. */
  void close(@Disposes ClusterProvider provider) {
    if (provider instanceof EmrClusterProvider emr) {
      emr.close();
    }
  }

  /** Closes the CloudWatch client. */
  void close(@Disposes ClusterMetrics metrics) {
    if (metrics instanceof CloudWatchClusterMetrics cloudWatch) {
      cloudWatch.close();
    }
  }
}
