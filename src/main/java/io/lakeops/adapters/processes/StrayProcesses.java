package io.lakeops.adapters.processes;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Processes an earlier console started and could not stop (it was killed with {@code kill -9}):
 * found by a marker on their command line, such as the directory they run from, which a process
 * cannot be left without, unlike a pid file written after the start. This process and those above
 * it are never taken, whatever their command line says.
 */
public final class StrayProcesses {
  private StrayProcesses() {}

  /** Every other process whose command line contains {@code marker}. */
  public static List<ProcessHandle> naming(String marker) {
    Set<ProcessHandle> mine =
        Stream.iterate(
                Optional.of(ProcessHandle.current()),
                Optional::isPresent,
                p -> p.flatMap(ProcessHandle::parent))
            .map(Optional::get)
            .collect(Collectors.toSet());
    return ProcessHandle.allProcesses()
        .filter(p -> !mine.contains(p))
        .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
        .toList();
  }

  /**
   * Kills {@code process} and then everything it had started (SIGKILL), waiting a little for each;
   * how many processes that was.
   */
  public static int kill(ProcessHandle process) {
    List<ProcessHandle> children = process.descendants().toList();
    killOne(process);
    children.forEach(StrayProcesses::killOne);
    return 1 + children.size();
  }

  private static void killOne(ProcessHandle p) {
    p.destroyForcibly();
    p.onExit().orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> p).join();
  }
}
