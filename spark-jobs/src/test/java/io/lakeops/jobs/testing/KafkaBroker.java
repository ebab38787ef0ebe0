package io.lakeops.jobs.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * A real Kafka broker (KRaft, combined broker and controller) in its own JVM, started from the jars
 * the build copied to target/kafka-broker. It cannot share the test JVM: its Scala 2.13 and
 * kafka-clients 4 clash with Spark's classpath. One per test JVM; killed by a shutdown hook.
 */
public final class KafkaBroker {
  private static Process process;
  private static String bootstrap;

  private KafkaBroker() {}

  public static synchronized String bootstrapServers() throws Exception {
    if (process == null) {
      start();
    }
    return bootstrap;
  }

  public static void createTopic(String name, int partitions) throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
      admin
          .createTopics(List.of(new NewTopic(name, partitions, (short) 1)))
          .all()
          .get(60, TimeUnit.SECONDS);
    }
  }

  private static void start() throws Exception {
    Path jars = Path.of(System.getProperty("lakeops.kafkaBrokerJars", "target/kafka-broker"));
    if (!Files.isDirectory(jars)) {
      throw new IllegalStateException(jars + " missing: run the build's generate-test-resources");
    }
    Path work = TestWork.dir("kafka");
    int port = TestWork.freePort();
    int controller = TestWork.freePort();
    Path config = work.resolve("server.properties");
    Files.writeString(
        config,
        String.join(
            "\n",
            "process.roles=broker,controller",
            "node.id=1",
            "controller.quorum.voters=1@127.0.0.1:" + controller,
            "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
            "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
            "controller.listener.names=CONTROLLER",
            "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
            "log.dirs=" + work.resolve("logs"),
            "num.partitions=2",
            "offsets.topic.replication.factor=1",
            "offsets.topic.num.partitions=2",
            "transaction.state.log.replication.factor=1",
            "transaction.state.log.min.isr=1",
            "share.coordinator.state.topic.replication.factor=1",
            "share.coordinator.state.topic.min.isr=1",
            "group.initial.rebalance.delay.ms=0",
            ""));
    // Like Kafka's own Uuid.randomUuid: an id starting with '-' would be read as an option.
    String clusterId;
    do {
      clusterId =
          Base64.getUrlEncoder().withoutPadding().encodeToString(uuidBytes(UUID.randomUUID()));
    } while (clusterId.startsWith("-"));
    Process format =
        run(
            jars,
            work,
            "format",
            List.of("kafka.tools.StorageTool", "format", "-t", clusterId, "-c", config.toString()));
    if (!format.waitFor(120, TimeUnit.SECONDS) || format.exitValue() != 0) {
      throw new IllegalStateException(
          "kafka storage format failed; see " + work.resolve("format.log"));
    }
    process = run(jars, work, "broker", List.of("kafka.Kafka", config.toString()));
    Runtime.getRuntime().addShutdownHook(new Thread(KafkaBroker::stop));
    bootstrap = "127.0.0.1:" + port;
    awaitReady(Duration.ofSeconds(90), work);
  }

  private static Process run(Path jars, Path work, String name, List<String> mainAndArgs)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-cp");
    command.add(jars.toAbsolutePath() + File.separator + "*");
    command.addAll(mainAndArgs);
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(work.resolve(name + ".log").toFile())
        .start();
  }

  private static void awaitReady(Duration timeout, Path work) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    Exception last = null;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("kafka broker exited; see " + work.resolve("broker.log"));
      }
      try (Admin admin =
          Admin.create(
              Map.of(
                  AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                  AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                  AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
        admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
        return;
      } catch (Exception e) {
        last = e;
        Thread.sleep(300);
      }
    }
    throw new IllegalStateException(
        "kafka broker not ready; see " + work.resolve("broker.log"), last);
  }

  private static byte[] uuidBytes(UUID uuid) {
    return java.nio.ByteBuffer.allocate(16)
        .putLong(uuid.getMostSignificantBits())
        .putLong(uuid.getLeastSignificantBits())
        .array();
  }

  private static void stop() {
    if (process != null) {
      process.destroy();
      try {
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
      }
    }
  }
}
