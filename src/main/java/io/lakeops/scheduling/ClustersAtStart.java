package io.lakeops.scheduling;

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
 * Launches each pool's desired clusters when the console starts, after recording what became of the
 * clusters a previous start left behind.
 */
@ApplicationScoped
class ClustersAtStart {
  private static final Logger LOG = Logger.getLogger(ClustersAtStart.class);

  void onStart(@Observes StartupEvent start, List<Pool> pools, ClusterLifecycle clusters) {
    Map<Pool, Integer> wanted = new LinkedHashMap<>();
    pools.stream().filter(p -> p.desired() > 0).forEach(p -> wanted.put(p, p.desired()));
    if (wanted.isEmpty()) {
      return;
    }
    try {
      clusters.refresh();
      clusters
          .ensure(wanted, new Attribution(ClusterLifecycle.SYSTEM, "clusters wanted at start"))
          .forEach(c -> LOG.infof("Launched cluster %s (%s)", c.id(), c.state()));
    } catch (RuntimeException e) {
      LOG.errorf(e, "Could not launch the clusters wanted at start");
    }
  }
}
