package io.lakeops.adapters.local;

import io.lakeops.config.LocalClustersConfig;
import io.lakeops.domain.ClusterId;
import io.lakeops.domain.ClusterState;
import io.lakeops.domain.MarketMix;
import io.lakeops.domain.Pool;
import io.lakeops.ports.ClusterProvider;
import io.lakeops.ports.ProvidedCluster;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Clusters of the embedded default: each a real Livy server (0.7.1) started as a child process,
 * whose batches run Spark 3.5.7 in local mode. The control plane talks to them through the same
 * Livy adapter as to EMR. Every child is tracked and stopped with the console; the clusters an
 * earlier console left behind (it was killed) are stopped when this one starts, and reported as
 * failed since nothing here runs them.
 */
@ApplicationScoped
@Typed(LocalClusterProvider.class) // the ClusterProvider is the one ClusterProviderProducer chose
public class LocalClusterProvider implements ClusterProvider {
  private static final Logger LOG = Logger.getLogger(LocalClusterProvider.class);

  private final LocalClusterSettings settings;
  private final LocalClusterLayout layout;
  private final Map<String, LocalLivyProcess> clusters = new ConcurrentHashMap<>();

  @Inject
  LocalClusterProvider(LocalClustersConfig config) {
    this(LocalClusterSettings.from(config));
  }

  LocalClusterProvider(LocalClusterSettings settings) {
    this.settings = settings;
    this.layout = new LocalClusterLayout(settings);
    StaleClusters.stopAll(settings.workDir());
  }

  /** The spark-jobs job jar as local clusters see it: the {@code jar} of a SubmitRequest. */
  public Path jobsJar() {
    return settings.jobsJar();
  }

  /**
   * Starts a Livy server for {@code id}; returns at once (describe says when it answers). Launching
   * an id whose cluster is alive returns that cluster: a repeated launch starts nothing.
   */
  @Override
  public synchronized String launch(ClusterId id, Pool pool) {
    settings.check();
    String providerId = "local-" + id.value();
    LocalLivyProcess existing = clusters.get(providerId);
    if (existing != null && existing.isLive()) {
      return providerId;
    }
    long live = clusters.values().stream().filter(LocalLivyProcess::isLive).count();
    if (live >= settings.maxConcurrent()) {
      throw new IllegalStateException(
          "already "
              + live
              + " local clusters running (lakeops.local-clusters.max-concurrent="
              + settings.maxConcurrent()
              + ")");
    }
    Path dir = settings.workDir().resolve(providerId);
    WorkDirs.clear(dir);
    int port = freePort();
    LocalLivyProcess process =
        LocalLivyProcess.start(providerId, layout.write(dir, port), port, settings);
    clusters.put(providerId, process);
    LOG.infof(
        "local cluster %s for pool %s: Livy starting on port %d in %s",
        providerId, pool.name().value(), port, dir);
    return providerId;
  }

  @Override
  public Map<String, ProvidedCluster> describe(Collection<String> providerIds) {
    Map<String, ProvidedCluster> seen = new LinkedHashMap<>();
    for (String providerId : providerIds) {
      LocalLivyProcess process = clusters.get(providerId);
      // Local clusters stop with the console that started them.
      seen.put(
          providerId,
          process == null
              ? new ProvidedCluster(
                  providerId,
                  ClusterState.FAILED,
                  null,
                  MarketMix.UNKNOWN,
                  "not running in this console (an earlier console process started it)")
              : process.describe(settings.startTimeout()));
    }
    return seen;
  }

  /** One cluster as {@link #describe} would report it. */
  ProvidedCluster describeOne(String providerId) {
    return describe(java.util.List.of(providerId)).get(providerId);
  }

  /** Kills Livy and its Spark drivers with SIGKILL, as a spot interruption takes a node away. */
  @Override
  public boolean simulateLoss(String providerId) {
    LocalLivyProcess process = clusters.get(providerId);
    if (process == null || !process.isLive()) {
      return false;
    }
    process.killAbruptly();
    LOG.warnf("local cluster %s killed (simulated spot loss)", providerId);
    return true;
  }

  @Override
  public boolean canSimulateLoss() {
    return true;
  }

  @Override
  public void terminate(String providerId) {
    LocalLivyProcess process = clusters.get(providerId);
    if (process != null) {
      process.stop();
      LOG.infof("local cluster %s stopped", providerId);
    }
  }

  /** The Livy process of a cluster, for tests that kill it as a crash would. */
  public ProcessHandle livyProcess(String providerId) {
    return clusters.get(providerId).handle();
  }

  @PreDestroy
  void stopAll() {
    clusters.keySet().forEach(this::terminate);
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port for a local cluster", e);
    }
  }
}
