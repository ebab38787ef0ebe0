package io.lakeops.adapters.local;

import io.lakeops.adapters.processes.StrayProcesses;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * Stops the processes of local clusters that an earlier console left running (it was killed before
 * it could stop them): every process whose command line names a cluster directory under the work
 * directory, with everything it started. The work directory belongs to one console at a time (its
 * data directory), so what runs from it now was started by a console that is gone.
 */
final class StaleClusters {
  private static final Logger LOG = Logger.getLogger(StaleClusters.class);

  private StaleClusters() {}

  /** Stops what runs from {@code workDir}'s cluster directories; how many processes it stopped. */
  static int stopAll(Path workDir) {
    if (!Files.isDirectory(workDir)) {
      return 0;
    }
    int stopped = 0;
    String marker = workDir.toAbsolutePath().normalize() + File.separator + "local-";
    for (ProcessHandle p : StrayProcesses.naming(marker)) {
      LOG.warnf(
          "stopping process %d left running by an earlier console: %s",
          p.pid(), p.info().commandLine().orElse("?"));
      stopped += StrayProcesses.kill(p);
    }
    return stopped;
  }
}
