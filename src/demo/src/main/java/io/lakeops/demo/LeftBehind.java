package io.lakeops.demo;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The processes an earlier demo left running when it was killed before it could stop them (the
 * databases, the broker, the generator): every process whose command line names the demo's home,
 * with what it started. The home belongs to one demo at a time, so they are stale.
 */
final class LeftBehind {
  private LeftBehind() {}

  static int stopAll(Path home) {
    String marker = home.toAbsolutePath().normalize() + File.separator;
    Set<ProcessHandle> mine =
        Stream.iterate(
                Optional.of(ProcessHandle.current()),
                Optional::isPresent,
                p -> p.flatMap(ProcessHandle::parent))
            .map(Optional::get)
            .collect(Collectors.toSet());
    List<ProcessHandle> stale =
        ProcessHandle.allProcesses()
            .filter(p -> !mine.contains(p))
            .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
            .toList();
    int stopped = 0;
    for (ProcessHandle p : stale) {
      List<ProcessHandle> children = p.descendants().toList();
      kill(p);
      children.forEach(LeftBehind::kill);
      stopped += 1 + children.size();
    }
    return stopped;
  }

  private static void kill(ProcessHandle p) {
    p.destroyForcibly();
    p.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> p).join();
  }
}
