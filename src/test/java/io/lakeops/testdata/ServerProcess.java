package io.lakeops.testdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A test server started as a child process on a port of the loopback address (dynalite, S3Proxy):
 * finding a free port, waiting until it answers there, stopping it.
 */
public record ServerProcess(String name, Process process, int port) implements AutoCloseable {

  /** How a server is launched on a given port. */
  @FunctionalInterface
  public interface Launcher {
    Process launch(int port) throws IOException;
  }

  /**
   * Launches the server on a free port and waits until it accepts connections, trying another port
   * twice when it does not (most likely the port was taken between probing and binding).
   */
  public static ServerProcess start(String name, Duration startup, Launcher launcher) {
    IOException lastFailure = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      int port = freePort();
      try {
        ServerProcess server = new ServerProcess(name, launcher.launch(port), port);
        server.awaitReady(startup);
        return server;
      } catch (IOException e) {
        lastFailure = e;
      }
    }
    throw new UncheckedIOException(name + " did not start", lastFailure);
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private void awaitReady(Duration startup) throws IOException {
    Instant deadline = Instant.now().plus(startup);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IOException(name + " exited with " + process.exitValue() + " on port " + port);
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        sleep(50);
      }
    }
    close();
    throw new IOException(name + " did not answer on port " + port + " within " + startup);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
