package io.lakeops.adapters.lake;

import io.lakeops.ports.LakeObjects;
import io.lakeops.ports.LakeReadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** The lake's objects as files under a folder on this machine (the embedded default). */
public final class LocalLakeObjects implements LakeObjects {
  private final Path base;

  public LocalLakeObjects(Path base) {
    this.base = base.toAbsolutePath().normalize();
  }

  /** A folder given as a path or a {@code file:} URI. */
  public static LocalLakeObjects at(String location) {
    return new LocalLakeObjects(Path.of(location.trim().replaceFirst("^file:(//)?", "")));
  }

  @Override
  public Optional<String> read(String key) {
    Path file = file(key);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(file));
    } catch (NoSuchFileException e) {
      return Optional.empty(); // removed since it was seen
    } catch (IOException e) {
      throw new LakeReadException("cannot read " + file + ": " + e, e);
    }
  }

  @Override
  public String where(String key) {
    return file(key).toString();
  }

  private Path file(String key) {
    return base.resolve(key);
  }
}
