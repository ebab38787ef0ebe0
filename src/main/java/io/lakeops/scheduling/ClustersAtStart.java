package io.lakeops.scheduling;

import io.lakeops.config.ClustersConfig;
import io.lakeops.control.audit.Attribution;
import io.lakeops.control.clusters.ClusterLifecycle;
import io.lakeops.domain.Pool;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Launches the clusters configured in {@code lakeops.clusters.at-start} when the console starts,
 * after recording what became of the clusters a previous start left behind.
 */
@ApplicationScoped
class ClustersAtStart {
  private static final Logger LOG = Logger.getLogger(ClustersAtStart.class);

  void onStart(
      @Observes StartupEvent start,
      ClustersConfig config,
      List<Pool> pools,
      ClusterLifecycle clusters) {
    if (config.atStart().isEmpty()) {
      return;
    }
    Map<Pool, Integer> wanted = new LinkedHashMap<>();
    config
        .atStart()
        .forEach(
            (name, count) ->
                wanted.put(
                    pools.stream()
                        .filter(p -> p.name().value().equals(name))
                        .findFirst()
                        .orElseThrow(
                            () ->
                                new IllegalStateException(
                                    "lakeops.clusters.at-start names pool '"
                                        + name
                                        + "', which is not configured")),
                    count));
    try {
      clusters.refresh();
      clusters
          .ensure(wanted, new Attribution(ClusterLifecycle.SYSTEM, "clusters wanted at start"))
          .forEach(c -> LOG.infof("Launched cluster %s (%s)", c.id(), c.state()));
    } catch (RuntimeException e) {
      // The console stays useful without clusters; the failure is logged and audited where it can
      // be.
      LOG.errorf(e, "Could not launch the clusters wanted at start");
    }
  }
}
