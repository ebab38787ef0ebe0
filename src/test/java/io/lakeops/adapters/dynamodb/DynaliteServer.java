package io.lakeops.adapters.dynamodb;

import io.lakeops.config.StoreConfig;
import io.lakeops.testdata.ServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * dynalite (an open-source DynamoDB-compatible server on Node.js) as a child process on a free
 * port. It is installed on first use with {@code npm ci} from {@code test/dynalite}'s lockfile into
 * the module's {@code target/dynalite}, so the source tree is never written to. Plain JUnit tests
 * share one server per JVM ({@link #shared()}); the Quarkus test resource starts its own.
 */
public final class DynaliteServer implements AutoCloseable {
  private static final Duration STARTUP = Duration.ofSeconds(20);
  private static DynaliteServer shared;

  private final ServerProcess server;

  private DynaliteServer(ServerProcess server) {
    this.server = server;
  }

  /** One server for the whole JVM, stopped when the JVM exits. */
  public static synchronized DynaliteServer shared() {
    if (shared == null || !shared.server.isAlive()) {
      DynaliteServer server = start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "dynalite-stop"));
      shared = server;
    }
    return shared;
  }

  /** Installs dynalite if needed and starts a new server; the caller closes it. */
  public static DynaliteServer start() {
    Path cli = install();
    return new DynaliteServer(ServerProcess.start("dynalite", STARTUP, port -> launch(cli, port)));
  }

  /** The state store's settings for this server, with tables named after {@code prefix}. */
  public StoreConfig.DynamoDb storeConfig(String prefix) {
    URI endpoint = endpoint();
    return new StoreConfig.DynamoDb() {
      @Override
      public String tablePrefix() {
        return prefix;
      }

      @Override
      public boolean createTables() {
        return true;
      }

      @Override
      public Optional<URI> endpointOverride() {
        return Optional.of(endpoint);
      }

      @Override
      public Optional<String> region() {
        return Optional.empty();
      }
    };
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  @Override
  public void close() {
    server.close();
  }

  private static Process launch(Path cli, int port) throws IOException {
    Path log = cli.getParent().getParent().getParent().resolve("dynalite-" + port + ".log");
    return new ProcessBuilder(
            List.of(
                "node",
                cli.toString(),
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(port),
                "--createTableMs",
                "0",
                "--deleteTableMs",
                "0",
                "--updateTableMs",
                "0"))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  /**
   * {@code target/dynalite/node_modules/dynalite/cli.js}, installed from the lockfile when missing
   * or when the lockfile changed. A file lock keeps parallel test JVMs from installing at once.
   */
  static Path install() {
    Path sources = findPackageDir();
    Path target = sources.getParent().getParent().resolve("target").resolve("dynalite");
    Path cli = target.resolve("node_modules/dynalite/cli.js");
    try {
      Files.createDirectories(target);
      try (FileChannel channel =
              FileChannel.open(
                  target.resolve(".install.lock"),
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE);
          FileLock lock = channel.lock()) {
        Path lockfile = sources.resolve("package-lock.json");
        Path installed = target.resolve("package-lock.json");
        if (Files.exists(cli)
            && Files.exists(installed)
            && Files.mismatch(lockfile, installed) == -1) {
          return cli;
        }
        Files.copy(
            sources.resolve("package.json"),
            target.resolve("package.json"),
            StandardCopyOption.REPLACE_EXISTING);
        Files.copy(lockfile, installed, StandardCopyOption.REPLACE_EXISTING);
        // --ignore-scripts: dynalite runs in memory, its optional native LevelDB build is not
        // needed.
        Process npm =
            new ProcessBuilder(
                    "npm",
                    "ci",
                    "--ignore-scripts",
                    "--no-audit",
                    "--no-fund",
                    "--prefix",
                    target.toString())
                .redirectErrorStream(true)
                .redirectOutput(target.resolve("npm-install.log").toFile())
                .start();
        if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0 || !Files.exists(cli)) {
          npm.destroyForcibly();
          throw new IllegalStateException(
              "npm ci of dynalite failed; see " + target.resolve("npm-install.log"));
        }
        return cli;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not install dynalite into " + target, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while installing dynalite", e);
    }
  }

  /** {@code test/dynalite} of the console module, from the module or the repository root. */
  private static Path findPackageDir() {
    Path here = Path.of("").toAbsolutePath();
    for (Path candidate :
        List.of(here.resolve("test/dynalite"), here.resolve("src/test/dynalite"))) {
      if (Files.exists(candidate.resolve("package-lock.json"))) {
        return candidate;
      }
    }
    throw new IllegalStateException("test/dynalite/package-lock.json not found from " + here);
  }
}
