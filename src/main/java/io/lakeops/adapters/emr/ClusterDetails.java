package io.lakeops.adapters.emr;

import io.lakeops.domain.MarketMix;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.emr.EmrClient;
import software.amazon.awssdk.services.emr.model.Instance;
import software.amazon.awssdk.services.emr.model.InstanceState;
import software.amazon.awssdk.services.emr.model.MarketType;

/**
 * What ListClusters does not say about a READY cluster: its Livy endpoint (DescribeCluster, once:
 * the master does not move) and its spot and on-demand instance counts (ListInstances, again only
 * after {@code refresh}). Cached per provider id so that a steady pass costs no call per cluster.
 */
final class ClusterDetails {
  private static final Logger LOG = Logger.getLogger(ClusterDetails.class);

  private record Mix(MarketMix mix, Instant readAt) {}

  private final EmrClient emr;
  private final int livyPort;
  private final Duration refresh;
  private final Clock clock;
  private final Map<String, String> endpoints = new ConcurrentHashMap<>();
  private final Map<String, Mix> mixes = new ConcurrentHashMap<>();

  ClusterDetails(EmrClient emr, int livyPort, Duration refresh, Clock clock) {
    this.emr = emr;
    this.livyPort = livyPort;
    this.refresh = refresh;
    this.clock = clock;
  }

  /** The cached endpoint, else the one of this master DNS name (when DescribeCluster was made). */
  Optional<String> endpoint(String providerId, String knownMasterDns) {
    String cached = endpoints.get(providerId);
    if (cached != null) {
      return Optional.of(cached);
    }
    String dns = knownMasterDns;
    if (dns == null) {
      dns =
          EmrCalls.call(
              "DescribeCluster",
              () ->
                  emr.describeCluster(r -> r.clusterId(providerId))
                      .cluster()
                      .masterPublicDnsName());
    }
    if (dns == null || dns.isBlank()) {
      return Optional.empty();
    }
    String endpoint = "http://" + dns + ":" + livyPort;
    endpoints.put(providerId, endpoint);
    return Optional.of(endpoint);
  }

  /** The instance counts, read again when older than {@code refresh}; the last known on failure. */
  MarketMix marketMix(String providerId) {
    Instant now = clock.instant();
    Mix known = mixes.get(providerId);
    if (known != null && known.readAt().plus(refresh).isAfter(now)) {
      return known.mix();
    }
    try {
      MarketMix mix = EmrCalls.call("ListInstances", () -> count(providerId));
      mixes.put(providerId, new Mix(mix, now));
      return mix;
    } catch (EmrCallException e) {
      // The mix is for display; a cluster is not held back for it.
      LOG.warnf("market mix of %s not read: %s", providerId, e.getMessage());
      return known == null ? MarketMix.UNKNOWN : known.mix();
    }
  }

  /** The last known mix of a cluster that is gone, and forgets the cluster. */
  MarketMix forget(String providerId) {
    endpoints.remove(providerId);
    Mix known = mixes.remove(providerId);
    return known == null ? MarketMix.UNKNOWN : known.mix();
  }

  private MarketMix count(String providerId) {
    int spot = 0;
    int onDemand = 0;
    for (Instance instance :
        emr.listInstancesPaginator(
                r -> r.clusterId(providerId).instanceStates(InstanceState.RUNNING))
            .instances()) {
      if (instance.market() == MarketType.SPOT) {
        spot++;
      } else if (instance.market() == MarketType.ON_DEMAND) {
        onDemand++;
      }
    }
    return new MarketMix(spot, onDemand);
  }
}
