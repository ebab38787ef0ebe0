package io.lakeops.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A real browser for console tests: Debian's headless Chromium, driven through chromedriver's W3C
 * WebDriver protocol over plain HTTP (no client library needed). Started per test and stopped,
 * browser and driver, on {@link #close}.
 *
 * <p>Both programs are looked up as {@code .ci/run} checks for them, on {@code PATH}, then in
 * Debian's {@code /usr/bin} (a test JVM may inherit a shorter {@code PATH} than a shell). The
 * system properties {@code lakeops.chromedriver} and {@code lakeops.chromium} name other copies.
 */
public final class HeadlessChrome implements AutoCloseable {
  private static final String DEBIAN_BIN = "/usr/bin";
  private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process driver;
  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private final String session;

  public static boolean installed() {
    return chromedriver().isPresent() && chromium().isPresent();
  }

  static Optional<Path> chromedriver() {
    return locate("chromedriver", System.getProperty("lakeops.chromedriver"), searchPath());
  }

  static Optional<Path> chromium() {
    return locate("chromium", System.getProperty("lakeops.chromium"), searchPath());
  }

  /**
   * The executable {@code name} in the first directory of {@code searchPath} that has one; only
   * {@code override} when it is set, so a copy asked for by name is never silently replaced.
   */
  static Optional<Path> locate(String name, String override, String searchPath) {
    if (override != null && !override.isBlank()) {
      return Optional.of(Path.of(override)).filter(HeadlessChrome::isProgram);
    }
    return Arrays.stream(searchPath.split(File.pathSeparator))
        .filter(dir -> !dir.isBlank())
        .map(dir -> Path.of(dir, name))
        .filter(HeadlessChrome::isProgram)
        .findFirst();
  }

  private static String searchPath() {
    return Objects.requireNonNullElse(System.getenv("PATH"), "") + File.pathSeparator + DEBIAN_BIN;
  }

  private static boolean isProgram(Path file) {
    return Files.isRegularFile(file) && Files.isExecutable(file);
  }

  public HeadlessChrome() throws IOException, InterruptedException {
    Path chromedriver = chromedriver().orElseThrow(() -> notFound("chromedriver"));
    Path chromium = chromium().orElseThrow(() -> notFound("chromium"));
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    driver =
        new ProcessBuilder(chromedriver.toString(), "--port=" + port)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    base = "http://127.0.0.1:" + port;
    awaitDriver();
    JsonNode created =
        call(
            "POST",
            "/session",
            Map.of(
                "capabilities",
                Map.of(
                    "alwaysMatch",
                    Map.of(
                        "browserName",
                        "chrome",
                        "goog:chromeOptions",
                        Map.of(
                            // The chromium found above, not one chromedriver would look for itself.
                            "binary",
                            chromium.toString(),
                            "args",
                            List.of(
                                "--headless=new",
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-dev-shm-usage"))))));
    session = "/session/" + created.path("sessionId").asText();
  }

  private static IllegalStateException notFound(String program) {
    return new IllegalStateException(
        program + " is neither on PATH nor in " + DEBIAN_BIN + " (or -Dlakeops." + program + ")");
  }

  public void open(String url) {
    call("POST", session + "/url", Map.of("url", url));
  }

  /**
   * Logs in with the console's form at {@code base} and waits until the browser has left the login
   * page: opening the next page before the session cookie is set would land on the login page
   * again.
   */
  public void logIn(String base, String user, String password) throws InterruptedException {
    open(base + "login");
    type("input[name=j_username]", user);
    type("input[name=j_password]", password);
    click("button[type=submit]");
    Instant deadline = Instant.now().plusSeconds(20);
    while (script("return window.location.pathname;").asText().startsWith("/login")
        || !"complete".equals(script("return document.readyState;").asText())) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("still on the login page 20 s after logging in");
      }
      Thread.sleep(100);
    }
  }

  /** Resizes the browser window, as a narrow phone screen or a wide desktop one. */
  public void windowSize(int width, int height) {
    call("POST", session + "/window/rect", Map.of("width", width, "height", height));
  }

  /** Saves what the browser's window shows as a PNG at {@code file}. */
  public Path screenshot(Path file) throws IOException {
    String png = call("GET", session + "/screenshot", null).asText();
    Files.createDirectories(file.toAbsolutePath().getParent());
    return Files.write(file, java.util.Base64.getDecoder().decode(png));
  }

  public void type(String css, String text) {
    call("POST", session + "/element/" + find(css) + "/value", Map.of("text", text));
  }

  public void click(String css) {
    call("POST", session + "/element/" + find(css) + "/click", Map.of());
  }

  /**
   * The text of the element {@code css} selects, null when there is none; read in the page in one
   * step, so an element the page replaces meanwhile is never stale.
   */
  public String text(String css) {
    JsonNode text =
        script(
            "var e = document.querySelector(arguments[0]); return e ? e.textContent.trim() : null;",
            css);
    return text.isNull() ? null : text.asText();
  }

  /** Runs {@code script} in the page with {@code args}; returns what it returns, as JSON. */
  public JsonNode script(String script, Object... args) {
    return call("POST", session + "/execute/sync", Map.of("script", script, "args", List.of(args)));
  }

  private String find(String css) {
    return call("POST", session + "/element", Map.of("using", "css selector", "value", css))
        .path(ELEMENT)
        .asText();
  }

  private void awaitDriver() throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(20);
    while (Instant.now().isBefore(deadline)) {
      try {
        if (call("GET", "/status", null).path("ready").asBoolean()) {
          return;
        }
      } catch (UncheckedIOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("chromedriver did not start");
  }

  private JsonNode call(String method, String path, Object body) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
      request.method(
          method,
          body == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      request.header("Content-Type", "application/json");
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode value = JSON.readTree(response.body()).path("value");
      if (response.statusCode() != 200) {
        throw new IllegalStateException(method + " " + path + ": " + value);
      }
      return value;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      call("DELETE", session, null); // closes the browser
    } catch (RuntimeException alreadyGone) {
      // the driver stops it below anyway
    } finally {
      driver.descendants().forEach(ProcessHandle::destroy);
      driver.destroy();
    }
  }
}
