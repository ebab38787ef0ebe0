package io.lakeops.web.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The admin of an installation that configures no user: a strong password made at first start,
 * shown once, and kept only as a bcrypt hash in the data directory so that a restart keeps it.
 * Delete the file to have a new password made at the next start.
 */
final class GeneratedAdmin {
  static final String USER = "admin";
  static final String FILE = "admin-password.bcrypt";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path file;
  private final int cost;

  GeneratedAdmin(Path dataDir, int cost) {
    this.file = dataDir.resolve(FILE);
    this.cost = cost;
  }

  Path file() {
    return file;
  }

  /**
   * The stored hash, made (and the password handed to {@code announce}, once) when there is none.
   */
  String hash(Consumer<String> announce) {
    Optional<String> stored = read();
    if (stored.isPresent()) {
      return stored.get();
    }
    String password = newPassword();
    String hash = BcryptUtil.bcryptHash(password, cost);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(
          file, hash + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW);
      restrictToOwner();
    } catch (FileAlreadyExistsException raced) {
      // Another console on the same data directory made one first: use that one.
      return read().orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot store the generated admin password hash in " + file, e);
    }
    announce.accept(password);
    return hash;
  }

  /** The hash a previous start stored, if any (fails when the file holds something else). */
  Optional<String> read() {
    try {
      if (!Files.exists(file)) {
        return Optional.empty();
      }
      String hash = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (!hash.startsWith("$2")) {
        throw new IllegalStateException(
            file + " does not hold a bcrypt hash; delete it to start over");
      }
      return Optional.of(hash);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private void restrictToOwner() throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // Windows: the data directory's own permissions apply.
    }
  }

  /** 24 random bytes: 192 bits, as 32 URL-safe characters. */
  static String newPassword() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
