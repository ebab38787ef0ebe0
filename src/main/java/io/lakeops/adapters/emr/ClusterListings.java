package io.lakeops.adapters.emr;

import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.emr.EmrClient;
import software.amazon.awssdk.services.emr.model.Cluster;
import software.amazon.awssdk.services.emr.model.ClusterStatus;
import software.amazon.awssdk.services.emr.model.ClusterSummary;
import software.amazon.awssdk.services.emr.model.InvalidRequestException;
import software.amazon.awssdk.services.emr.model.ListClustersResponse;

/** Finding clusters on EMR: by id over a window, by id one at a time, and by name. */
final class ClusterListings {
  private static final Logger LOG = Logger.getLogger(ClusterListings.class);
  private static final int MAX_PAGES = 100;

  private final EmrClient emr;

  ClusterListings(EmrClient emr) {
    this.emr = emr;
  }

  /**
   * The status of each wanted cluster created after {@code createdAfter}, whatever its state: one
   * paged ListClusters, stopping at the page where the last id is found, or after {@link
   * #MAX_PAGES} pages (50 clusters each) so that a pass always ends.
   */
  Map<String, ClusterStatus> recent(Set<String> wanted, Instant createdAfter) {
    return EmrCalls.call(
        "ListClusters",
        () -> {
          Map<String, ClusterStatus> found = new HashMap<>();
          Iterator<ListClustersResponse> pages =
              emr.listClustersPaginator(r -> r.createdAfter(createdAfter)).iterator();
          for (int page = 0; page < MAX_PAGES && found.size() < wanted.size(); page++) {
            if (!pages.hasNext()) {
              return found;
            }
            for (ClusterSummary summary : pages.next().clusters()) {
              if (wanted.contains(summary.id())) {
                found.put(summary.id(), summary.status());
              }
            }
          }
          return found;
        });
  }

  /** One cluster, whenever created; empty when EMR does not know the id. */
  Optional<Cluster> describe(String id) {
    return EmrCalls.call(
        "DescribeCluster",
        () -> {
          try {
            return Optional.of(emr.describeCluster(r -> r.clusterId(id)).cluster());
          } catch (InvalidRequestException unknown) {
            // EMR's answer for an id it does not know: absent, as the port says.
            LOG.debugf("EMR does not know cluster %s: %s", id, unknown.getMessage());
            return Optional.empty();
          }
        });
  }

  /** The id of the cluster of this name in a state before TERMINATING, if there is one. */
  Optional<String> findAlive(String name) {
    return EmrCalls.call(
        "ListClusters",
        () ->
            emr.listClustersPaginator(r -> r.clusterStates(EmrStates.ACTIVE)).clusters().stream()
                .filter(c -> name.equals(c.name()))
                .map(ClusterSummary::id)
                .findFirst());
  }
}
