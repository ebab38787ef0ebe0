package io.lakeops.adapters.s3;

import io.lakeops.config.LakeConfig;
import io.lakeops.testdata.ServerProcess;
import io.lakeops.testdata.TestConfigs;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * S3Proxy (an open-source S3-compatible server, Apache-2.0) as a child process on a free port, with
 * AWS signature checks on: requests must be signed with the {@code local}/{@code local} credentials
 * the console uses for a loopback endpoint. The build copies its self-contained jar from Maven
 * Central to {@code target/s3proxy/s3proxy.jar}. The shared server keeps its objects in memory; a
 * server {@link #overFolder over a folder} serves the files under it (a bucket per subfolder), so a
 * Spark job that writes there on local disk is read back by the console through the S3 API.
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
    return start(List.of("jclouds.provider=transient"));
  }

  /**
   * A new server whose buckets are the folders of {@code root} and whose objects are the files
   * under them (jclouds' filesystem backend); the caller closes it.
   */
  public static S3ProxyServer overFolder(Path root) {
    return start(
        List.of(
            "jclouds.provider=filesystem",
            "jclouds.filesystem.basedir=" + root.toAbsolutePath().normalize()));
  }

  private static S3ProxyServer start(List<String> backend) {
    Path jar = jar();
    return new S3ProxyServer(
        ServerProcess.start("S3Proxy", STARTUP, port -> launch(jar, port, backend)));
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

  private static Process launch(Path jar, int port, List<String> backend) throws IOException {
    Path dir = jar.getParent();
    Path properties = dir.resolve("s3proxy-" + port + ".properties");
    List<String> lines =
        new ArrayList<>(
            List.of(
                "s3proxy.endpoint=http://127.0.0.1:" + port,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + S3Clients.LOCAL_CREDENTIAL,
                "s3proxy.credential=" + S3Clients.LOCAL_CREDENTIAL,
                "jclouds.identity=unused",
                "jclouds.credential=unused"));
    lines.addAll(backend);
    Files.write(properties, lines);
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
