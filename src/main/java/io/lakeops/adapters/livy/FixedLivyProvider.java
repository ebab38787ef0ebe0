package io.lakeops.adapters.livy;

import io.lakeops.config.PoolsConfig;
import io.lakeops.domain.ClusterId;
import io.lakeops.domain.ClusterState;
import io.lakeops.domain.MarketMix;
import io.lakeops.domain.Pool;
import io.lakeops.ports.ClusterProvider;
import io.lakeops.ports.ProvidedCluster;
import io.lakeops.ports.SparkSubmitter;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Clusters that are Livy servers you run ({@code lakeops.clusters.provider=livy}): one per pool at
 * {@code lakeops.pools.<name>.livy-endpoint}, such as the compose stack's {@code livy} service or a
 * Livy in front of your own YARN. The console neither starts nor stops them: a launch names a new
 * cluster record for the pool's server, READY while the server answers; a termination releases the
 * record only. The provider id carries the pool ({@code livy:<pool>/<cluster id>}), so a console
 * started again finds the server of every cluster it recorded.
 */
public final class FixedLivyProvider implements ClusterProvider {
  private static final Logger LOG = Logger.getLogger(FixedLivyProvider.class);
  private static final String PREFIX = "livy:";

  private final Map<String, String> endpoints;
  private final SparkSubmitter livy;
  private final Set<String> released = ConcurrentHashMap.newKeySet();

  FixedLivyProvider(Map<String, String> endpoints, SparkSubmitter livy) {
    this.endpoints = Map.copyOf(endpoints);
    this.livy = livy;
  }

  /**
   * The provider of {@code pools}' Livy servers.
   *
   * @throws IllegalStateException naming the key, when a pool that wants clusters has no endpoint
   *     or an endpoint is not an http(s) URL with a host
   */
  public static FixedLivyProvider connect(PoolsConfig pools, SparkSubmitter livy) {
    return new FixedLivyProvider(check(pools), livy);
  }

  /** The pools' endpoints, checked; see {@link #connect}. */
  public static Map<String, String> check(PoolsConfig pools) {
    Map<String, String> endpoints = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    pools
        .pools()
        .forEach(
            (name, pool) -> {
              String key = "lakeops.pools." + name + ".livy-endpoint";
              Optional<URI> endpoint = pool.livyEndpoint();
              if (endpoint.isEmpty()) {
                if (pool.desired() > 0) {
                  problems.add(
                      key + " is required when lakeops.clusters.provider=livy (http://host:8998)");
                }
              } else if (!isHttp(endpoint.get())) {
                problems.add(key + " must be an http:// or https:// URL with a host");
              } else {
                endpoints.put(name, LivyEndpoints.normalize(endpoint.get().toString()));
              }
            });
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "invalid Livy pool configuration: " + String.join("; ", problems));
    }
    return endpoints;
  }

  @Override
  public String launch(ClusterId id, Pool pool) {
    String pooled = pool.name().value();
    if (!endpoints.containsKey(pooled)) {
      throw new IllegalStateException(
          "lakeops.pools." + pooled + ".livy-endpoint: pool has no Livy server");
    }
    String providerId = PREFIX + pooled + "/" + id.value();
    LOG.infof("cluster %s for pool %s: the Livy server at %s", id, pooled, endpoints.get(pooled));
    return providerId;
  }

  /**
   * READY while the pool's server answers (one quick call per server, whatever the number of its
   * clusters), STARTING before it first does; released clusters are TERMINATED. A cluster whose
   * server stops answering after it was READY is the reconciler's to judge by its own pings.
   */
  @Override
  public Map<String, ProvidedCluster> describe(Collection<String> providerIds) {
    Map<String, Boolean> answered = new HashMap<>();
    Map<String, ProvidedCluster> seen = new LinkedHashMap<>();
    for (String id : providerIds) {
      Optional<String> endpoint = endpointOf(id);
      if (endpoint.isEmpty()) {
        continue; // not one of this provider's, or its pool is gone: unknown
      }
      String at = endpoint.get();
      if (released.contains(id)) {
        seen.put(
            id,
            new ProvidedCluster(
                id, ClusterState.TERMINATED, null, MarketMix.UNKNOWN, "released from " + at));
      } else if (answered.computeIfAbsent(at, livy::answers)) {
        seen.put(
            id,
            new ProvidedCluster(
                id, ClusterState.READY, at, MarketMix.UNKNOWN, "Livy answers at " + at));
      } else {
        seen.put(
            id,
            new ProvidedCluster(
                id,
                ClusterState.STARTING,
                null,
                MarketMix.UNKNOWN,
                "Livy at " + at + " does not answer yet"));
      }
    }
    return seen;
  }

  /** Releases the record; the server is not the console's to stop, and keeps running. */
  @Override
  public void terminate(String providerId) {
    if (endpointOf(providerId).isPresent() && released.add(providerId)) {
      LOG.infof(
          "cluster %s released; the Livy server at %s keeps running",
          providerId, endpointOf(providerId).get());
    }
  }

  private Optional<String> endpointOf(String providerId) {
    if (providerId == null || !providerId.startsWith(PREFIX)) {
      return Optional.empty();
    }
    int slash = providerId.lastIndexOf('/');
    if (slash <= PREFIX.length()) {
      return Optional.empty();
    }
    return Optional.ofNullable(endpoints.get(providerId.substring(PREFIX.length(), slash)));
  }

  private static boolean isHttp(URI uri) {
    return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
        && uri.getHost() != null;
  }
}
