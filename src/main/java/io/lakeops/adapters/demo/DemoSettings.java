package io.lakeops.adapters.demo;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * What the demo lake configures in the console when {@code lakeops.demo.enabled} is on: the shop
 * database as source {@code demo-shop} (password by reference to a file), the sink database as
 * source {@code demo-sink}, Kafka for streaming jobs, and the demo's job definitions file. The
 * services' ports are chosen once and kept in {@code <data dir>/demo/ports.properties}, so a
 * restart finds the same lake at the same addresses. Its ordinal is just above
 * application.properties (whose defaults it replaces) and below environment variables and system
 * properties; a setting the user gave through {@code LAKEOPS_KAFKA_BOOTSTRAP}, {@code
 * LAKEOPS_STREAMING_SINK} or {@code LAKEOPS_JOBS_FILE} is left alone.
 */
public final class DemoSettings implements ConfigSourceFactory {
  static final int ORDINAL = 260;
  static final String SHOP = "demo-shop";
  static final String SINK = "demo-sink";
  static final List<String> PORTS =
      List.of("shop-port", "sink-port", "kafka-port", "kafka-controller-port");
  private static final SecureRandom RANDOM = new SecureRandom();

  @Override
  public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
    if (!Boolean.parseBoolean(value(context, "lakeops.demo.enabled"))) {
      return List.of();
    }
    String dataDir = value(context, "lakeops.data-dir");
    if (dataDir == null) {
      return List.of();
    }
    Path home = Path.of(dataDir).toAbsolutePath().normalize().resolve("demo");
    Map<String, Integer> ports = ports(home.resolve("ports.properties"));
    Map<String, String> settings = new LinkedHashMap<>();
    String shop = "lakeops.sources." + SHOP + ".";
    settings.put(shop + "jdbc-url", "jdbc:mysql://127.0.0.1:" + ports.get("shop-port") + "/shop");
    settings.put(shop + "user", "root");
    settings.put(shop + "password-ref", "file:" + password(home.resolve("shop.password")));
    String sink = "lakeops.sources." + SINK + ".";
    settings.put(
        sink + "jdbc-url", "jdbc:postgresql://127.0.0.1:" + ports.get("sink-port") + "/postgres");
    settings.put(sink + "user", "postgres");
    if (value(context, "LAKEOPS_KAFKA_BOOTSTRAP") == null) {
      settings.put("lakeops.streaming.kafka-bootstrap", "127.0.0.1:" + ports.get("kafka-port"));
    }
    if (value(context, "LAKEOPS_STREAMING_SINK") == null) {
      settings.put("lakeops.streaming.sink-source", SINK);
    }
    String jobs = value(context, "lakeops.demo.jobs-file");
    if (value(context, "LAKEOPS_JOBS_FILE") == null && jobs != null) {
      settings.put("lakeops.jobs.definitions-file", jobs);
    }
    PORTS.forEach(p -> settings.put("lakeops.demo." + p, Integer.toString(ports.get(p))));
    return List.of(new PropertiesConfigSource(settings, "lakeops demo lake", ORDINAL));
  }

  @Override
  public OptionalInt getPriority() {
    return OptionalInt.of(ORDINAL);
  }

  /**
   * The ports kept in {@code file}, chosen (free on loopback now) and kept there the first time.
   */
  static Map<String, Integer> ports(Path file) {
    try {
      Properties kept = new Properties();
      if (Files.exists(file)) {
        try (InputStream in = Files.newInputStream(file)) {
          kept.load(in);
        }
      }
      Map<String, Integer> ports = new LinkedHashMap<>();
      boolean changed = false;
      for (String name : PORTS) {
        String value = kept.getProperty(name);
        if (value == null) {
          value = Integer.toString(freePort());
          kept.setProperty(name, value);
          changed = true;
        }
        ports.put(name, Integer.parseInt(value.strip()));
      }
      if (changed) {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
          kept.store(out, "the demo lake's ports, chosen at its first start");
        }
      }
      return ports;
    } catch (IOException | NumberFormatException e) {
      throw new IllegalStateException("cannot read or keep the demo's ports in " + file, e);
    }
  }

  /**
   * The file holding the demo shop's password, made once (owner-only). The demo server runs without
   * grant checks, so any password opens it; the reference shows how a real source's password
   * reaches the jobs without being written anywhere but the file.
   */
  static Path password(Path file) {
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(file.getParent());
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        Files.writeString(
            file,
            Base64.getUrlEncoder().withoutPadding().encodeToString(bytes),
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE_NEW);
        try {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
          // the data directory's own permissions protect it
        }
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the demo shop's password in " + file, e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static String value(ConfigSourceContext context, String name) {
    ConfigValue value = context.getValue(name);
    return value == null || value.getValue() == null || value.getValue().isBlank()
        ? null
        : value.getValue();
  }
}
