package io.lakeops.adapters.demo;

import io.lakeops.config.DemoConfig;
import io.lakeops.config.SparkJobsConfig;
import io.lakeops.domain.Durations;
import io.lakeops.ports.DemoLake;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs the demo lake's services (the {@code lakeops-demo} module) as one child process of the
 * console, from the jars the build put in {@code lakeops.demo.home}: never on the console's class
 * path. Started at the console's start without holding it up (a first start unpacks two databases,
 * which the log and the dashboard follow step by step); stopped with the console. A demo left
 * running by a console killed with {@code kill -9} is stopped by the next one before it starts its
 * own (the services find what runs from their home by its command line).
 */
@ApplicationScoped
public class DemoServicesProcess {
  private static final Logger LOG = Logger.getLogger(DemoServicesProcess.class);
  static final String MAIN = "io.lakeops.demo.DemoServices";
  static final String READY_FILE = "ready.properties";

  private final DemoConfig config;
  private final Path home;
  private final Path jobsJar;
  private final DemoStatus status;
  private Process process;

  DemoServicesProcess(
      DemoConfig config,
      @ConfigProperty(name = "lakeops.data-dir") String dataDir,
      SparkJobsConfig jobs,
      DemoStatus status) {
    this.config = config;
    this.home = Path.of(dataDir).toAbsolutePath().normalize().resolve("demo");
    this.jobsJar = Path.of(jobs.jar());
    this.status = status;
  }

  void onStart(@Observes StartupEvent start) {
    if (config.enabled()) {
      start();
    }
  }

  void onStop(@Observes ShutdownEvent stop) {
    stop();
  }

  synchronized void start() {
    Path lib = config.home().resolve("lib");
    if (!Files.isDirectory(lib)) {
      status.failed(lib + " is missing: build the project first (./mvnw -DskipTests package)");
      LOG.errorf("demo lake not started: %s is missing; build the project first", lib);
      return;
    }
    try {
      Files.createDirectories(home);
      LeftDemo.stopAll(home);
      Files.deleteIfExists(home.resolve(READY_FILE)); // the last run's, until the new one writes it
      process =
          new ProcessBuilder(command(lib))
              .directory(home.toFile())
              .redirectErrorStream(true)
              .start();
      status.starting("demo services starting (pid " + process.pid() + ")");
      Thread follower = new Thread(this::follow, "demo-log");
      follower.setDaemon(true);
      follower.start();
      Process started = process;
      CompletableFuture.delayedExecutor(config.startTimeout().toMillis(), TimeUnit.MILLISECONDS)
          .execute(() -> giveUpUnlessReady(started));
    } catch (IOException e) {
      status.failed("cannot start the demo services: " + e.getMessage());
      LOG.error("cannot start the demo services", e);
    }
  }

  private List<String> command(Path lib) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + config.heap());
    command.add("-XX:+UseSerialGC");
    // Names the home on the command line, so that a later console finds this process if this one
    // is killed before it can stop it.
    command.add("-Dlakeops.demo.home=" + home + File.separator);
    command.add("-cp");
    command.add(lib.toAbsolutePath() + File.separator + "*");
    command.add(MAIN);
    command.addAll(
        List.of(
            "--home", home.toString(),
            "--shop-port", Integer.toString(config.shopPort()),
            "--sink-port", Integer.toString(config.sinkPort()),
            "--kafka-port", Integer.toString(config.kafkaPort()),
            "--kafka-controller-port", Integer.toString(config.kafkaControllerPort()),
            "--kafka-jars", config.home().resolve("kafka").toAbsolutePath().toString(),
            "--jobs-jar", jobsJar.toAbsolutePath().toString()));
    return command;
  }

  /** Logs each step the services print, and says when they are ready or have stopped. */
  private void follow() {
    Process running = process;
    Path log = home.resolve("demo.log");
    try (BufferedReader out =
            new BufferedReader(
                new InputStreamReader(running.getInputStream(), StandardCharsets.UTF_8));
        var file = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
      String line;
      while ((line = out.readLine()) != null) {
        file.write(line);
        file.newLine();
        file.flush();
        if (line.startsWith("demo: ")) {
          String step = line.substring("demo: ".length());
          LOG.info("demo lake: " + step);
          if (step.equals("all demo services ready")) {
            status.ready(step);
          } else {
            status.starting(step);
          }
        }
      }
    } catch (IOException e) {
      LOG.debugf("demo log follower: %s", e.getMessage());
    }
    DemoLake.Phase phase = status.status().phase();
    if (phase == DemoLake.Phase.STARTING || phase == DemoLake.Phase.READY) {
      status.failed("the demo services exited; see " + log);
      LOG.errorf("the demo services exited; see %s", log);
    }
  }

  /** Services not ready within the start timeout are stopped, and the dashboard says why. */
  private synchronized void giveUpUnlessReady(Process started) {
    if (started != process || status.status().phase() != DemoLake.Phase.STARTING) {
      return;
    }
    String why =
        "not ready within "
            + Durations.format(config.startTimeout())
            + " (lakeops.demo.start-timeout); stopped, see "
            + home.resolve("demo.log");
    LOG.error("demo lake " + why);
    status.stop();
    stopProcess();
    status.failed(why);
  }

  synchronized void stop() {
    if (process == null || !process.isAlive()) {
      return;
    }
    status.stop();
    stopProcess();
    LOG.info("demo lake stopped");
  }

  private void stopProcess() {
    process.destroy(); // SIGTERM: the services stop their databases and broker
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
