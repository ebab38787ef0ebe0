package io.lakeops.adapters.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Puts files into a lake folder as a job on a local cluster writes them. */
final class FolderLake {
  private FolderLake() {}

  static void put(Path folder, String key, String text) {
    try {
      Path file = folder.resolve(key);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
