package io.lakeops.process;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged console ({@code quarkus-run.jar}) started as its own process in the embedded
 * profile, as the README's run command starts it, or in the {@code prod} profile, as a deployment
 * does, over a data directory that survives it; killed for real ({@code kill -9}) or stopped. Its
 * log goes to a file beside the data directory.
 */
public final class ConsoleProcess implements AutoCloseable {
  public static final String ADMIN_PASSWORD = "process-test-admin-password";

  private final Process process;
  private final int port;
  private final Path log;

  private ConsoleProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Starts a console in the embedded profile over {@code dataDir} with {@code settings} ({@code -D}
   * keys) and waits until ready.
   */
  public static ConsoleProcess start(Path dataDir, String name, Map<String, String> settings)
      throws Exception {
    List<String> embedded = new ArrayList<>();
    Path clusterJars =
        Path.of(System.getProperty("lakeops.localClusterHome", "target/local-cluster"));
    embedded.add("-Dlakeops.local-clusters.home=" + clusterJars.toAbsolutePath());
    embedded.add("-Dlakeops.local-clusters.driver-memory=512m");
    embedded.add("-Dlakeops.local-clusters.spark-conf.\"spark.sql.shuffle.partitions\"=2");
    embedded.add("-Dlakeops.scheduler.interval=1s");
    // One pool, one run per cluster, no demo lake, unless a test asks (DemoLakeProcessIT does).
    embedded.add("-Dlakeops.demo.enabled=false");
    embedded.add("-Dlakeops.pools.large.desired=0");
    embedded.add("-Dlakeops.pools.small.concurrent-runs=1");
    return launch("embedded", dataDir, name, embedded, settings, Map.of());
  }

  /**
   * Starts a console in the {@code prod} profile, as a deployment runs it, with {@code settings}
   * ({@code -D} keys) and {@code environment} (the AWS SDK's credentials and region), and waits
   * until ready. Only the data directory, the port and the admin user are set here.
   */
  public static ConsoleProcess startProd(
      Path dataDir, String name, Map<String, String> settings, Map<String, String> environment)
      throws Exception {
    return launch("prod", dataDir, name, List.of(), settings, environment);
  }

  private static ConsoleProcess launch(
      String profile,
      Path dataDir,
      String name,
      List<String> profileDefaults,
      Map<String, String> settings,
      Map<String, String> environment)
      throws Exception {
    Path jar =
        Path.of(System.getProperty("lakeops.consoleJar", "target/quarkus-app/quarkus-run.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no packaged console at " + jar + "; run ./mvnw verify");
    }
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx384m");
    command.add("-Dquarkus.profile=" + profile);
    command.add("-Dquarkus.http.port=" + port);
    command.add("-Dlakeops.data-dir=" + dataDir.toAbsolutePath());
    command.add("-Dlakeops.security.users.admin.roles=admin");
    command.add("-Dlakeops.security.users.admin.password-env=LAKEOPS_TEST_ADMIN_PASSWORD");
    command.add("-Dlakeops.security.bcrypt-cost=4");
    command.addAll(profileDefaults);
    // After the defaults above: a later -D of the same key wins.
    settings.forEach((k, v) -> command.add("-D" + k + "=" + v));
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
    Path log = dataDir.resolveSibling(dataDir.getFileName() + "-" + name + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    builder.environment().put("LAKEOPS_TEST_ADMIN_PASSWORD", ADMIN_PASSWORD);
    ConsoleProcess console = new ConsoleProcess(builder.start(), port, log);
    console.awaitReady(Duration.ofSeconds(90));
    return console;
  }

  public String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  public long pid() {
    return process.pid();
  }

  public Path log() {
    return log;
  }

  /**
   * An API call as the admin: {@code GET} or {@code POST} with a JSON body; the status and body.
   */
  public HttpResponse<String> api(String method, String path, String json) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url(path)))
            .timeout(Duration.ofSeconds(30))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes()))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json");
    request.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Logs in with the form as a browser does; the session cookie ({@code name=value}). */
  public String formLogin() throws Exception {
    HttpRequest login =
        HttpRequest.newBuilder(URI.create(url("/j_security_check")))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "j_username=admin&j_password=" + ADMIN_PASSWORD))
            .build();
    HttpResponse<String> answer =
        HttpClient.newHttpClient().send(login, HttpResponse.BodyHandlers.ofString());
    return answer.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("quarkus-credential="))
        .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no session cookie: " + answer.statusCode()));
  }

  /** A page as the browser holding {@code cookie} gets it, redirects not followed. */
  public HttpResponse<String> page(String path, String cookie) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url(path)))
            .timeout(Duration.ofSeconds(30))
            .header("Cookie", cookie)
            .GET()
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** {@code kill -9}: no shutdown hook runs, nothing is released, children are left behind. */
  public void killDashNine() throws Exception {
    Process kill = new ProcessBuilder("kill", "-9", Long.toString(process.pid())).start();
    if (kill.waitFor() != 0 || !process.waitFor(20, TimeUnit.SECONDS)) {
      throw new IllegalStateException("console " + process.pid() + " survived kill -9");
    }
  }

  @Override
  public void close() throws Exception {
    if (process.isAlive()) {
      process.destroy(); // SIGTERM: the console stops its clusters and releases its lease
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  private void awaitReady(Duration timeout) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the console exited at start; see " + log);
      }
      try {
        HttpResponse<Void> ready =
            http.send(
                HttpRequest.newBuilder(URI.create(url("/q/health/ready"))).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        if (ready.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("the console was not ready within " + timeout + "; see " + log);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
