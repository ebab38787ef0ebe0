package io.lakeops.adapters.emr;

import io.lakeops.config.EmrConfig;
import io.lakeops.config.EmrPoolConfig;
import io.lakeops.config.PoolsConfig;
import io.lakeops.domain.ClusterId;
import io.lakeops.domain.ClusterState;
import io.lakeops.domain.MarketMix;
import io.lakeops.domain.Pool;
import io.lakeops.ports.ClusterProvider;
import io.lakeops.ports.ProvidedCluster;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.emr.EmrClient;
import software.amazon.awssdk.services.emr.EmrClientBuilder;
import software.amazon.awssdk.services.emr.model.Cluster;
import software.amazon.awssdk.services.emr.model.ClusterStatus;

/**
 * Clusters on Amazon EMR, one per Lakeops cluster id, named {@code lakeops-<id>} and built from the
 * pool's {@link EmrPoolConfig}. A pass describes all live clusters with one paged ListClusters; the
 * few details it lacks are read once per cluster and cached ({@link ClusterDetails}). Only this
 * class and its helpers call the EMR client.
 */
public final class EmrClusterProvider implements ClusterProvider, AutoCloseable {
  private static final Logger LOG = Logger.getLogger(EmrClusterProvider.class);

  private final EmrClient emr;
  private final EmrClient launches;
  private final Map<String, EmrPoolConfig> pools;
  private final String consoleId;
  private final Duration lookback;
  private final Clock clock;
  private final ClusterListings listings;
  private final ClusterDetails details;
  private final int launchRetries;
  private final Duration backoffBase;
  private final Duration backoffMax;

  /** Checks every pool's EMR configuration, then builds the client from {@code config}. */
  public static EmrClusterProvider connect(EmrConfig config, PoolsConfig pools) {
    Map<String, EmrPoolConfig> checked = EmrPoolValidator.validate(pools);
    return new EmrClusterProvider(EmrClients.builder(config), config, checked, Clock.systemUTC());
  }

  /**
   * Checks every pool's EMR configuration without connecting; throws naming each invalid key. For a
   * check at start, before the provider is first used.
   */
  public static void check(PoolsConfig pools) {
    EmrPoolValidator.validate(pools);
  }

  EmrClusterProvider(EmrClientBuilder clients, EmrConfig config, PoolsConfig pools, Clock clock) {
    this(clients, config, EmrPoolValidator.validate(pools), clock);
  }

  /**
   * Two clients from one builder: one with the SDK's retries for every call, and one without for
   * RunJobFlow, which {@link #launch} retries itself.
   */
  private EmrClusterProvider(
      EmrClientBuilder clients, EmrConfig config, Map<String, EmrPoolConfig> pools, Clock clock) {
    this.emr = clients.build();
    this.launches =
        clients.overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1))).build();
    this.launchRetries = config.throttlingRetries();
    this.backoffBase = config.backoffBase();
    this.backoffMax = config.backoffMax();
    this.pools = Map.copyOf(pools);
    this.consoleId = config.consoleId();
    this.lookback = config.lookback();
    this.clock = clock;
    this.listings = new ClusterListings(emr);
    this.details = new ClusterDetails(emr, config.livyPort(), config.marketMixRefresh(), clock);
  }

  /**
   * Returns the live cluster named after {@code id} if there is one, else asks EMR for a new one.
   * EMR's RunJobFlow has no idempotency token, so the name is what makes a repeat launch safe: a
   * RunJobFlow that failed in a way worth retrying (it may have created the cluster all the same,
   * as when the answer is lost) is retried only after looking for the cluster by name again. The
   * SDK never retries RunJobFlow on its own, since it cannot look first.
   */
  @Override
  public String launch(ClusterId id, Pool pool) {
    EmrPoolConfig emrPool = pools.get(pool.name().value());
    if (emrPool == null) {
      throw new IllegalStateException(
          "lakeops.pools." + pool.name().value() + ".emr: pool not configured for EMR");
    }
    String name = RunJobFlowRequests.clusterName(id);
    for (int attempt = 0; ; attempt++) {
      Optional<String> alive = listings.findAlive(name);
      if (alive.isPresent()) {
        LOG.infof("cluster %s is already on EMR as %s: nothing launched", id, alive.get());
        return alive.get();
      }
      try {
        String jobFlowId =
            EmrCalls.call(
                    "RunJobFlow",
                    () ->
                        launches.runJobFlow(RunJobFlowRequests.build(id, pool, emrPool, consoleId)))
                .jobFlowId();
        LOG.infof("cluster %s for pool %s: EMR launching %s", id, pool.name().value(), jobFlowId);
        return jobFlowId;
      } catch (EmrCallException e) {
        if (!e.retryable() || attempt >= launchRetries) {
          throw e;
        }
        LOG.warnf("cluster %s: %s; looking for it by name, then trying again", id, e.getMessage());
        pause(attempt);
      }
    }
  }

  private void pause(int attempt) {
    long millis =
        Math.min(backoffMax.toMillis(), backoffBase.toMillis() * (1L << Math.min(attempt, 20)));
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EmrCallException("interrupted while launching", true, e);
    }
  }

  @Override
  public Map<String, ProvidedCluster> describe(Collection<String> providerIds) {
    Set<String> wanted = new LinkedHashSet<>(providerIds);
    wanted.remove(null);
    if (wanted.isEmpty()) {
      return Map.of();
    }
    Map<String, ClusterStatus> listed = listings.recent(wanted, clock.instant().minus(lookback));
    Map<String, ProvidedCluster> seen = new LinkedHashMap<>();
    for (String id : wanted) {
      ClusterStatus status = listed.get(id);
      String masterDns = null;
      if (status == null) {
        // Older than the lookback, or unknown to EMR: one DescribeCluster tells.
        Optional<Cluster> cluster = listings.describe(id);
        if (cluster.isEmpty()) {
          continue;
        }
        status = cluster.get().status();
        masterDns = cluster.get().masterPublicDnsName();
      }
      seen.put(id, provided(id, EmrStates.map(status), masterDns, endedAt(status)));
    }
    return seen;
  }

  /** Starts terminating the cluster; EMR accepts it again for a cluster already terminated. */
  @Override
  public void terminate(String providerId) {
    EmrCalls.run("TerminateJobFlows", () -> emr.terminateJobFlows(r -> r.jobFlowIds(providerId)));
    LOG.infof("EMR cluster %s terminating", providerId);
  }

  @Override
  public void close() {
    emr.close();
    launches.close();
  }

  private static Instant endedAt(ClusterStatus status) {
    return status.timeline() == null ? null : status.timeline().endDateTime();
  }

  private ProvidedCluster provided(
      String id, EmrStates.Mapped mapped, String masterDns, Instant endedAt) {
    return switch (mapped.phase()) {
      case READY -> {
        Optional<String> endpoint = details.endpoint(id, masterDns);
        // READY means Livy can be called: without a master address it is not ready yet.
        yield endpoint.isEmpty()
            ? new ProvidedCluster(
                id, ClusterState.STARTING, null, MarketMix.UNKNOWN, "no master DNS name yet")
            : new ProvidedCluster(
                id, ClusterState.READY, endpoint.get(), details.marketMix(id), mapped.reason());
      }
      case TERMINAL_SUCCESS, TERMINAL_FAILURE ->
          new ProvidedCluster(
              id, mapped.state(), null, details.forget(id), mapped.reason(), endedAt);
      case INTERMEDIATE ->
          new ProvidedCluster(id, mapped.state(), null, MarketMix.UNKNOWN, mapped.reason());
    };
  }
}
