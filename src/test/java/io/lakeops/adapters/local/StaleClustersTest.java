package io.lakeops.adapters.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real child processes stand for what a killed console left behind. */
class StaleClustersTest {
  private final List<Process> started = new ArrayList<>();

  @TempDir Path work;

  @AfterEach
  void stopWhatIsLeft() {
    for (Process p : started) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
  }

  @Test
  void everyProcessRunningFromAClusterDirectoryStopsWithWhatItStartedAndNothingElseDoes()
      throws Exception {
    Path clusters = Files.createDirectories(work.resolve("clusters"));
    // No pid file anywhere: found by the command line, as a Livy whose console died too early.
    Process left = shellNaming(Files.createDirectories(clusters.resolve("local-a/livy/conf")));
    Process other = shellNaming(Files.createDirectories(work.resolve("elsewhere/local-b")));
    awaitChild(left);
    ProcessHandle child = left.descendants().findFirst().orElseThrow();

    int stopped = StaleClusters.stopAll(clusters);

    assertThat(left.waitFor(5, TimeUnit.SECONDS)).as("the stale shell is stopped").isTrue();
    assertThat(child.onExit().get(5, TimeUnit.SECONDS).isAlive())
        .as("and the process it started")
        .isFalse();
    assertThat(stopped).isEqualTo(2);
    assertThat(other.isAlive()).as("a process of another directory lives on").isTrue();
  }

  @Test
  void aWorkDirectoryThatDoesNotExistYetStopsNothing() {
    assertThat(StaleClusters.stopAll(work.resolve("none"))).isZero();
  }

  /** A shell whose command line names {@code dir} and which runs a child, as Livy runs drivers. */
  private Process shellNaming(Path dir) throws Exception {
    Process p =
        new ProcessBuilder("sh", "-c", "sleep 300; echo done", dir.toString())
            .redirectErrorStream(true)
            .start();
    started.add(p);
    return p;
  }

  private static void awaitChild(Process p) throws InterruptedException {
    for (int i = 0; i < 100 && p.descendants().findAny().isEmpty(); i++) {
      Thread.sleep(20);
    }
  }
}
