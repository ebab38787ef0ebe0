package io.lakeops.adapters.local;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Stops the processes of local clusters that an earlier console left running (it was killed before
 * it could stop them): every process whose command line names a cluster directory under the work
 * directory, with everything it started. They are found by their command line, which a console
 * killed at any moment cannot leave unwritten (a pid file written after the start can be). The work
 * directory belongs to one console at a time (its data directory), so what runs from it now was
 * started by a console that is gone.
 */
final class StaleClusters {
  private static final Logger LOG = Logger.getLogger(StaleClusters.class);

  private StaleClusters() {}

  /** Stops what runs from {@code workDir}'s cluster directories; how many processes it stopped. */
  static int stopAll(Path workDir) {
    if (!Files.isDirectory(workDir)) {
      return 0;
    }
    String marker = workDir.toAbsolutePath().normalize() + File.separator + "local-";
    Set<ProcessHandle> mine = ancestry();
    List<ProcessHandle> stale =
        ProcessHandle.allProcesses()
            .filter(p -> !mine.contains(p))
            .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
            .toList();
    int stopped = 0;
    for (ProcessHandle p : stale) {
      LOG.warnf(
          "stopping process %d left running by an earlier console: %s",
          p.pid(), p.info().commandLine().orElse("?"));
      List<ProcessHandle> children = p.descendants().toList();
      LocalLivyProcess.kill(p);
      children.forEach(LocalLivyProcess::kill);
      stopped += 1 + children.size();
    }
    return stopped;
  }

  /** This process and those above it, which are never stale whatever their command line says. */
  private static Set<ProcessHandle> ancestry() {
    return Stream.iterate(
            Optional.of(ProcessHandle.current()),
            Optional::isPresent,
            p -> p.flatMap(ProcessHandle::parent))
        .map(Optional::get)
        .collect(Collectors.toSet());
  }
}
