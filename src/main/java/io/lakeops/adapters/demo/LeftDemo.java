package io.lakeops.adapters.demo;

import io.lakeops.adapters.processes.StrayProcesses;
import java.io.File;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * Stops a demo that a console killed with {@code kill -9} left running: every process whose command
 * line names the demo's home (the services' JVM, the databases, the broker, the generator), so that
 * the new demo finds its ports free and its data directories unlocked.
 */
final class LeftDemo {
  private static final Logger LOG = Logger.getLogger(LeftDemo.class);

  private LeftDemo() {}

  static int stopAll(Path home) {
    int stopped = 0;
    for (ProcessHandle p :
        StrayProcesses.naming(home.toAbsolutePath().normalize() + File.separator)) {
      LOG.warnf("stopping process %d an earlier console's demo left running", p.pid());
      stopped += StrayProcesses.kill(p);
    }
    return stopped;
  }
}
