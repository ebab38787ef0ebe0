package io.lakeops.web.security;

import io.quarkus.runtime.LaunchMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The key that encrypts the session cookie of the form login, so that a restart logs nobody out:
 * {@code LAKEOPS_SESSION_KEY} when set (replicas behind one address must share it), else a key made
 * once into {@code <data dir>/session.key} (owner-only) and read from there at every start. Quarkus
 * would otherwise make a new key at each start and print it in the log. It is never logged here.
 * Under the test profile a random key lives in memory only; a production build gets none, so that
 * no key is recorded into the packaged console. Registered through {@code
 * META-INF/services/io.smallrye.config.ConfigSourceFactory}, below every other source: a value of
 * {@code quarkus.http.auth.session.encryption-key} set anywhere else wins.
 */
public final class SessionKeySource implements ConfigSourceFactory {
  static final String PROPERTY = "quarkus.http.auth.session.encryption-key";
  static final String ENV = "LAKEOPS_SESSION_KEY";
  static final String FILE = "session.key";
  private static final int ORDINAL = 50;
  private static final SecureRandom RANDOM = new SecureRandom();

  @Override
  public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
    String key;
    if (context.getProfiles().contains("test")) {
      key = newKey();
    } else if (building()) {
      // Quarkus' build reads the configuration too, and records the values it finds as the
      // packaged console's defaults: a key read or made now (even LAKEOPS_SESSION_KEY of the
      // builder's environment) would ship inside the artifact.
      return List.of();
    } else if (present(context.getValue(ENV))) {
      key = context.getValue(ENV).getValue();
    } else if (present(context.getValue("lakeops.data-dir"))) {
      key = keptIn(Path.of(context.getValue("lakeops.data-dir").getValue()).resolve(FILE));
    } else {
      return List.of();
    }
    return List.of(
        new PropertiesConfigSource(Map.of(PROPERTY, key), "lakeops session key", ORDINAL));
  }

  @Override
  public OptionalInt getPriority() {
    return OptionalInt.of(ORDINAL);
  }

  /**
   * Whether this runs inside a production build (Quarkus' augmentation, whose classes only the
   * build has); dev mode builds and runs in one JVM, with nothing packaged.
   */
  static boolean building() {
    if (LaunchMode.current() == LaunchMode.DEVELOPMENT) {
      return false;
    }
    try {
      Class.forName(
          "io.quarkus.deployment.QuarkusAugmentor", false, SessionKeySource.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException packaged) {
      return false;
    }
  }

  /** The key in {@code file}, made there first when there is none. */
  static String keptIn(Path file) {
    try {
      if (Files.exists(file)) {
        return read(file);
      }
      Files.createDirectories(file.toAbsolutePath().getParent());
      String key = newKey();
      try {
        Files.writeString(file, key + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
      } catch (FileAlreadyExistsException raced) {
        return read(file); // another console on this data directory made it first
      }
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // Windows: the data directory's own permissions protect it.
      }
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the session key in " + file, e);
    }
  }

  private static String read(Path file) throws IOException {
    String key = Files.readString(file, StandardCharsets.UTF_8).strip();
    if (key.length() < 32) {
      throw new IllegalStateException(
          file + " holds no session key of 32+ characters; delete it to have one made");
    }
    return key;
  }

  private static String newKey() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static boolean present(ConfigValue value) {
    return value != null && value.getValue() != null && !value.getValue().isBlank();
  }
}
