package io.lakeops.adapters.s3;

import io.lakeops.config.LakeConfig;
import io.lakeops.testdata.ServerProcess;
import io.lakeops.testdata.TestConfigs;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * S3Proxy (an open-source S3-compatible server, Apache-2.0) as a child process on a free port, with
 * its in-memory backend and AWS signature checks on: requests must be signed with the {@code
 * local}/{@code local} credentials the console uses for a loopback endpoint. The build copies its
 * self-contained jar from Maven Central to {@code target/s3proxy/s3proxy.jar}. One server per JVM.
 */
public final class S3ProxyServer implements AutoCloseable {
  private static final Duration STARTUP = Duration.ofSeconds(60);
  private static S3ProxyServer shared;

  private final ServerProcess server;

  private S3ProxyServer(ServerProcess server) {
    this.server = server;
  }

  /** One server for the whole JVM, stopped when the JVM exits. */
  public static synchronized S3ProxyServer shared() {
    if (shared == null || !shared.server.isAlive()) {
      S3ProxyServer server = start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "s3proxy-stop"));
      shared = server;
    }
    return shared;
  }

  static S3ProxyServer start() {
    Path jar = jar();
    return new S3ProxyServer(ServerProcess.start("S3Proxy", STARTUP, port -> launch(jar, port)));
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  /** The console's S3 settings for this server: path-style requests to its endpoint. */
  public LakeConfig.S3 clientConfig() {
    return new TestConfigs.S3(Optional.empty(), Optional.of(endpoint()), true);
  }

  @Override
  public void close() {
    server.close();
  }

  private static Process launch(Path jar, int port) throws IOException {
    Path dir = jar.getParent();
    Path properties = dir.resolve("s3proxy-" + port + ".properties");
    Files.writeString(
        properties,
        String.join(
            "\n",
            "s3proxy.endpoint=http://127.0.0.1:" + port,
            "s3proxy.authorization=aws-v2-or-v4",
            "s3proxy.identity=" + S3Clients.LOCAL_CREDENTIAL,
            "s3proxy.credential=" + S3Clients.LOCAL_CREDENTIAL,
            "jclouds.provider=transient",
            "jclouds.identity=unused",
            "jclouds.credential=unused",
            ""));
    return new ProcessBuilder(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-jar",
                jar.toString(),
                "--properties",
                properties.toString()))
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("s3proxy-" + port + ".log").toFile())
        .start();
  }

  /** The jar the build copied ({@code lakeops.s3proxyJar}, set by Surefire). */
  private static Path jar() {
    Path jar =
        Path.of(System.getProperty("lakeops.s3proxyJar", "target/s3proxy/s3proxy.jar"))
            .toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar + " is missing: the build copies it in generate-test-resources (src/pom.xml)");
    }
    return jar;
  }
}
