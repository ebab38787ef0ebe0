package io.lakeops.adapters.local;

import io.lakeops.domain.ClusterState;
import io.lakeops.domain.MarketMix;
import io.lakeops.ports.ProvidedCluster;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One local cluster: a Livy server child process and the Spark drivers it starts. It is READY once
 * Livy first answers {@code GET /batches}, and stays so while the process lives; stopping it stops
 * the drivers too, so none is left behind.
 */
final class LocalLivyProcess {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  private final String providerId;
  private final LocalClusterLayout.Paths paths;
  private final int port;
  private final Process process;
  private final Instant startedAt;
  private volatile boolean ready;
  private volatile boolean stopped;
  private volatile String failure;

  /** Drivers seen so far: once Livy is dead its children can no longer be found through it. */
  private final Set<ProcessHandle> drivers = ConcurrentHashMap.newKeySet();

  private LocalLivyProcess(
      String providerId, LocalClusterLayout.Paths paths, int port, Process process) {
    this.providerId = providerId;
    this.paths = paths;
    this.port = port;
    this.process = process;
    this.startedAt = Instant.now();
  }

  static LocalLivyProcess start(
      String providerId, LocalClusterLayout.Paths paths, int port, LocalClusterSettings s) {
    ProcessBuilder pb =
        new ProcessBuilder(
                s.java().toString(),
                "-Xmx" + s.livyMemoryMb() + "m",
                "-cp",
                paths.livyConf() + File.pathSeparator + s.livyJars() + File.separator + "*",
                "org.apache.livy.server.LivyServer")
            .directory(paths.dir().toFile())
            .redirectErrorStream(true)
            .redirectOutput(paths.serverLog().toFile());
    Map<String, String> env = pb.environment();
    env.put("LIVY_HOME", paths.livyHome().toString());
    env.put("LIVY_CONF_DIR", paths.livyConf().toString());
    env.put("LIVY_LOG_DIR", paths.livyLogs().toString());
    env.put("SPARK_HOME", paths.sparkHome().toString());
    env.put("SPARK_CONF_DIR", paths.sparkConf().toString());
    // Drivers bind to loopback: no guessing of this machine's address, nothing exposed.
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    try {
      return new LocalLivyProcess(providerId, paths, port, pb.start());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start Livy for local cluster " + providerId, e);
    }
  }

  String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  boolean isLive() {
    return !stopped && failure == null && process.isAlive();
  }

  ProcessHandle handle() {
    return process.toHandle();
  }

  /** Looks at the process and asks Livy whether it answers. */
  ProvidedCluster describe(Duration startTimeout) {
    if (stopped) {
      return cluster(ClusterState.TERMINATED, null, "stopped");
    }
    process.descendants().forEach(drivers::add);
    if (failure == null && !process.isAlive()) {
      failure = "Livy exited with code " + process.exitValue() + "; see " + paths.serverLog();
      shutdown();
    }
    if (failure != null) {
      return cluster(ClusterState.FAILED, null, failure);
    }
    if (ready) {
      // Ready once, it stays READY while its process lives: whether Livy still answers is the
      // reconciler's ping (one per pass), not asked a second time here.
      return cluster(ClusterState.READY, endpoint(), "Livy process running");
    }
    if (answers()) {
      ready = true;
      return cluster(ClusterState.READY, endpoint(), "Livy answers on " + endpoint());
    }
    if (Duration.between(startedAt, Instant.now()).compareTo(startTimeout) > 0) {
      failure = "Livy did not answer within " + startTimeout + "; see " + paths.serverLog();
      shutdown();
      return cluster(ClusterState.FAILED, null, failure);
    }
    return cluster(ClusterState.STARTING, null, "Livy starting");
  }

  /**
   * Kills Livy and every driver it started with SIGKILL, without letting them clean up: a crash,
   * not a stop. From the next look the cluster is FAILED, since Livy exited.
   */
  void killAbruptly() {
    process.descendants().forEach(drivers::add);
    drivers.forEach(d -> d.destroyForcibly());
    process.destroyForcibly();
  }

  /** Stops Livy and every process it started (TERMINATED from now on). */
  void stop() {
    stopped = true;
    shutdown();
  }

  /** Ends Livy and its drivers and waits for them, so that no orphan is left. */
  private void shutdown() {
    process.descendants().forEach(drivers::add);
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    drivers.forEach(LocalLivyProcess::kill);
  }

  static void kill(ProcessHandle p) {
    p.destroyForcibly();
    p.onExit().orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> p).join();
  }

  private boolean answers() {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(endpoint() + "/batches?from=0&size=1"))
            .timeout(Duration.ofSeconds(2))
            .GET()
            .build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private ProvidedCluster cluster(ClusterState state, String endpoint, String reason) {
    return new ProvidedCluster(providerId, state, endpoint, MarketMix.UNKNOWN, reason);
  }
}
