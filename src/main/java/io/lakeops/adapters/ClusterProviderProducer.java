package io.lakeops.adapters;

import io.lakeops.adapters.local.LocalClusterProvider;
import io.lakeops.config.ClustersConfig;
import io.lakeops.ports.ClusterProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import org.jboss.logging.Logger;

/**
 * Chooses where clusters come from by {@code lakeops.clusters.provider}. Only the chosen adapter is
 * created: the local one stops stale child processes when it starts, which a console on EMR must
 * never do.
 */
@ApplicationScoped
class ClusterProviderProducer {
  private static final Logger LOG = Logger.getLogger(ClusterProviderProducer.class);

  @Produces
  @ApplicationScoped
  ClusterProvider clusterProvider(ClustersConfig config, Instance<LocalClusterProvider> local) {
    LOG.infof("Clusters come from the %s provider", config.provider().name().toLowerCase());
    return switch (config.provider()) {
      case LOCAL -> local.get();
      case EMR ->
          throw new IllegalStateException(
              "lakeops.clusters.provider=emr: the EMR adapter is not built into this console yet");
    };
  }
}
