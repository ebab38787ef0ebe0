package io.lakeops.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Looks for a running console's secrets where nobody may read them: every page and fragment an
 * operator opens, every API answer (the audit included), the console's logs, and every file the
 * console and its clusters wrote into the data directory (the H2 store with its audit mirror, the
 * Livy and Spark logs, the lake's manifests and error reports, the streaming progress). Left out
 * are the files that hold a secret by design and the demo servers' own storage.
 */
final class SecretSweep {
  private static final List<String> PAGES =
      List.of(
          "/",
          "/dashboard/glance",
          "/dashboard/activity",
          "/dashboard/figures",
          "/clusters",
          "/clusters/pane",
          "/jobs",
          "/jobs/shop-orders",
          "/jobs/shop-orders/edit",
          "/jobs/page-clicks",
          "/jobs/page-clicks/progress",
          "/runs",
          "/audit",
          "/audit/export.csv");
  private static final List<String> API =
      List.of(
          "/api/jobs",
          "/api/runs?limit=200",
          "/api/clusters",
          "/api/pools",
          "/api/audit?limit=500",
          "/api/audit.csv",
          "/api/jobs/page-clicks/progress",
          "/q/health",
          "/q/metrics");

  private final ConsoleProcess console;
  private final Map<String, String> secrets;

  /** {@code secrets}: what each secret is, and its value. */
  SecretSweep(ConsoleProcess console, Map<String, String> secrets) {
    this.console = console;
    this.secrets = secrets;
  }

  /** Where a secret was found ({@code secret in place}); how many places were read, last. */
  List<String> findings(List<String> runIds, Path data, List<Path> logs) throws Exception {
    List<String> found = new ArrayList<>();
    int read = 0;
    String cookie = console.formLogin();
    List<String> pages = new ArrayList<>(PAGES);
    runIds.forEach(id -> pages.add("/runs/" + id));
    for (String page : pages) {
      var answer = console.page(page, cookie);
      check("page " + page + " (" + answer.statusCode() + ")", answer.body(), found);
      read++;
    }
    for (String call : API) {
      var answer = console.api("GET", call, null);
      check("API " + call + " (" + answer.statusCode() + ")", answer.body(), found);
      read++;
    }
    List<Path> files = new ArrayList<>(logs);
    Files.walkFileTree(
        data,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            if (attributes.isRegularFile() && !byDesign(data, file)) {
              files.add(file);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException gone) {
            return FileVisitResult.CONTINUE; // removed while walked (Spark's temporary files)
          }
        });
    for (Path file : files) {
      check("file " + data.relativize(file.toAbsolutePath()), contents(file), found);
      read++;
    }
    found.add(read + " places read");
    return found;
  }

  private void check(String place, String text, List<String> found) {
    secrets.forEach(
        (what, value) -> {
          if (text.contains(value)) {
            found.add(what + " in " + place);
          }
        });
  }

  /** The secrets' own files, and the demo servers' storage (MariaDB keeps its users). */
  private static boolean byDesign(Path data, Path file) {
    Path relative = data.relativize(file);
    return relative.equals(Path.of("session.key"))
        || relative.equals(Path.of("demo/shop.password"))
        || relative.startsWith("demo/shop")
        || relative.startsWith("demo/sink")
        || relative.startsWith("demo/kafka");
  }

  private static String contents(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    } catch (IOException gone) {
      return ""; // a file removed while read (a Spark temporary file)
    }
  }
}
