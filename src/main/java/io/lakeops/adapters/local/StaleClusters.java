package io.lakeops.adapters.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Stops Livy servers that an earlier console left running (it was killed before it could stop
 * them), found by the pid files in the clusters' working directories. A pid is only trusted when
 * its command line names that directory, so a reused pid is never killed.
 */
final class StaleClusters {
  private static final Logger LOG = Logger.getLogger(StaleClusters.class);

  private StaleClusters() {}

  static void stopAll(Path workDir) {
    if (!Files.isDirectory(workDir)) {
      return;
    }
    try (Stream<Path> dirs = Files.list(workDir)) {
      dirs.map(d -> d.resolve("livy.pid"))
          .filter(Files::isRegularFile)
          .forEach(StaleClusters::stop);
    } catch (IOException e) {
      LOG.warnf("cannot look for stale local clusters in %s: %s", workDir, e);
    }
  }

  private static void stop(Path pidFile) {
    try {
      long pid = Long.parseLong(Files.readString(pidFile).strip());
      String dir = pidFile.getParent().toString();
      ProcessHandle.of(pid)
          .filter(p -> p.info().commandLine().map(c -> c.contains(dir)).orElse(false))
          .ifPresent(
              p -> {
                LOG.warnf("stopping Livy %d left running in %s by an earlier console", pid, dir);
                p.descendants().forEach(LocalLivyProcess::kill);
                LocalLivyProcess.kill(p);
              });
      Files.deleteIfExists(pidFile);
    } catch (IOException | NumberFormatException e) {
      LOG.warnf("cannot read %s: %s", pidFile, e);
    }
  }
}
