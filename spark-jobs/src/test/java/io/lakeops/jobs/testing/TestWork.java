package io.lakeops.jobs.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/** Scratch folders under target/ and free TCP ports for the real components the tests start. */
public final class TestWork {
  private TestWork() {}

  public static Path dir(String name) {
    String root = System.getProperty("lakeops.testWorkDir", "target/it-work");
    try {
      Path base = Files.createDirectories(Path.of(root).toAbsolutePath());
      return Files.createTempDirectory(base, name + "-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
