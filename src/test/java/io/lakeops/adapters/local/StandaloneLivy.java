package io.lakeops.adapters.local;

import io.lakeops.domain.ClusterId;
import io.lakeops.domain.ClusterState;
import io.lakeops.domain.Pool;
import io.lakeops.domain.PoolName;
import io.lakeops.domain.SizeClass;
import io.lakeops.ports.ProvidedCluster;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A real Livy 0.7.1 server (spark-submit of Spark 3.5.7 in local mode, the spark-jobs jar readable)
 * started on its own, outside any console: the Livy a test's recorded EMR cluster says its master
 * runs. It is the local clusters' own launcher, from the jars the build copied.
 */
public final class StandaloneLivy implements AutoCloseable {
  private static final Duration START = Duration.ofSeconds(120);

  private final LocalClusterProvider provider;
  private final String providerId;
  private final URI endpoint;

  private StandaloneLivy(LocalClusterProvider provider, String providerId, URI endpoint) {
    this.provider = provider;
    this.providerId = providerId;
    this.endpoint = endpoint;
  }

  /**
   * Starts Livy with its work folder under {@code work} and waits until it answers.
   *
   * @param home the build's local-cluster jars ({@code target/local-cluster})
   */
  public static StandaloneLivy start(Path home, Path work) throws InterruptedException {
    Path jars = home.toAbsolutePath().normalize();
    LocalClusterSettings settings =
        new LocalClusterSettings(
            jars.resolve("livy"),
            jars.resolve("spark"),
            jars.resolve("jobs").resolve(LocalClusterSettings.JOBS_JAR),
            work.toAbsolutePath().normalize(),
            Path.of(System.getProperty("java.home"), "bin", "java"),
            "local[2]",
            512,
            256,
            1,
            START,
            Duration.ofMinutes(10),
            List.of(),
            Map.of("spark.sql.shuffle.partitions", "2"));
    LocalClusterProvider provider = new LocalClusterProvider(settings);
    String id =
        provider.launch(
            new ClusterId("standalone"), Pool.of(new PoolName("small"), SizeClass.SMALL));
    Instant deadline = Instant.now().plus(START);
    while (Instant.now().isBefore(deadline)) {
      ProvidedCluster seen = provider.describeOne(id);
      if (seen.state() == ClusterState.READY) {
        return new StandaloneLivy(provider, id, URI.create(seen.endpoint()));
      }
      if (seen.state().isTerminal()) {
        provider.terminate(id);
        throw new IllegalStateException("Livy did not start: " + seen.reason());
      }
      Thread.sleep(250);
    }
    provider.terminate(id);
    throw new IllegalStateException("Livy did not answer within " + START);
  }

  public int port() {
    return endpoint.getPort();
  }

  /** Where it answers, {@code http://127.0.0.1:<port>}. */
  public URI endpoint() {
    return endpoint;
  }

  /** The Livy server's process. */
  public ProcessHandle process() {
    return provider.livyProcess(providerId);
  }

  /** The spark-jobs job jar, as a batch names it on this Livy. */
  public Path jobsJar() {
    return provider.jobsJar();
  }

  @Override
  public void close() {
    provider.terminate(providerId);
  }
}
