package io.lakeops.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Files of the repository as the tests that check documents against the code read them: Surefire
 * runs in the console's module ({@code src/}), the documents sit at the top.
 */
public final class RepoFiles {
  private RepoFiles() {}

  /**
   * The repository's top folder: the first one up from here holding {@code docs/} and {@code src/}.
   */
  public static Path root() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("docs"))
          && Files.isDirectory(dir.resolve("src/main/java"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
  }

  /** A file's text, by its path from the top. */
  public static String read(String path) {
    try {
      return Files.readString(root().resolve(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The console's main Java sources. */
  public static List<Path> mainSources() {
    try (Stream<Path> files = Files.walk(root().resolve("src/main/java"))) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A source file's text. */
  public static String text(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
