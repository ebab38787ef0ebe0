package io.lakeops.demo;

import java.io.File;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The demo's Kafka broker (KRaft, broker and controller in one) in its own JVM, from the jars the
 * build copied to {@code target/demo/kafka}: its Scala and kafka-clients would clash with anything
 * else. Its log directory lives in the data directory and is formatted only once, so a restart
 * keeps the topic and the consumers' offsets.
 */
final class DemoKafka implements AutoCloseable {
  private final Path jars;
  private final Path home;
  private final int port;
  private final int controllerPort;
  private final Path java;
  private Process broker;

  DemoKafka(Path jars, Path home, int port, int controllerPort, Path java) {
    this.jars = jars;
    this.home = home;
    this.port = port;
    this.controllerPort = controllerPort;
    this.java = java;
  }

  String bootstrap() {
    return "127.0.0.1:" + port;
  }

  void start(Duration timeout) throws Exception {
    if (!Files.isDirectory(jars)) {
      throw new IllegalStateException(
          jars + " is missing: build the project first (./mvnw package)");
    }
    Files.createDirectories(home);
    Path config = home.resolve("server.properties");
    Files.writeString(config, serverProperties());
    if (!Files.exists(home.resolve("logs").resolve("meta.properties"))) {
      Process format =
          run(
              "format",
              List.of(
                  "kafka.tools.StorageTool", "format", "-t", clusterId(), "-c", config.toString()));
      if (!format.waitFor(2, TimeUnit.MINUTES) || format.exitValue() != 0) {
        throw new IllegalStateException("Kafka storage format failed; see " + log("format"));
      }
    }
    broker = run("broker", List.of("kafka.Kafka", config.toString()));
    awaitReady(timeout);
  }

  void createTopic(String name, int partitions) throws Exception {
    try (Admin admin = admin()) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      if (!existing.contains(name)) {
        admin
            .createTopics(List.of(new NewTopic(name, partitions, (short) 1)))
            .all()
            .get(60, TimeUnit.SECONDS);
      }
    }
  }

  boolean isAlive() {
    return broker != null && broker.isAlive();
  }

  @Override
  public void close() throws Exception {
    if (broker != null && broker.isAlive()) {
      broker.destroy();
      if (!broker.waitFor(30, TimeUnit.SECONDS)) {
        broker.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  private String serverProperties() {
    return String.join(
        "\n",
        "process.roles=broker,controller",
        "node.id=1",
        "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
        "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
        "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
        "controller.listener.names=CONTROLLER",
        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
        "log.dirs=" + home.resolve("logs"),
        "num.partitions=2",
        "offsets.topic.replication.factor=1",
        "offsets.topic.num.partitions=2",
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1",
        "share.coordinator.state.topic.replication.factor=1",
        "share.coordinator.state.topic.min.isr=1",
        "group.initial.rebalance.delay.ms=0",
        // A laptop's demo: a day of clicks is plenty.
        "log.retention.hours=24",
        "");
  }

  private Process run(String name, List<String> mainAndArgs) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.add("-Xmx256m");
    command.add("-XX:+UseSerialGC");
    command.add("-cp");
    command.add(jars.toAbsolutePath() + File.separator + "*");
    command.addAll(mainAndArgs);
    return new ProcessBuilder(command)
        .directory(home.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log(name).toFile()))
        .start();
  }

  Path log(String name) {
    return home.resolve(name + ".log");
  }

  private void awaitReady(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    Exception last = null;
    while (System.nanoTime() < deadline) {
      if (!broker.isAlive()) {
        throw new IllegalStateException("the Kafka broker exited; see " + log("broker"));
      }
      try (Admin admin = admin()) {
        admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
        return;
      } catch (Exception e) {
        last = e;
        Thread.sleep(500);
      }
    }
    throw new IllegalStateException(
        "the Kafka broker did not answer within " + timeout + "; see " + log("broker"), last);
  }

  private Admin admin() {
    return Admin.create(
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000));
  }

  /** Like Kafka's Uuid.randomUuid: an id that starts with '-' would be read as an option. */
  private static String clusterId() {
    String id;
    do {
      UUID uuid = UUID.randomUUID();
      byte[] bytes =
          ByteBuffer.allocate(16)
              .putLong(uuid.getMostSignificantBits())
              .putLong(uuid.getLeastSignificantBits())
              .array();
      id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    } while (id.startsWith("-"));
    return id;
  }
}
