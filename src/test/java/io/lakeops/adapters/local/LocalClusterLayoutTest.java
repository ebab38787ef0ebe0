package io.lakeops.adapters.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a local cluster's working directory holds, without starting anything. */
class LocalClusterLayoutTest {
  @TempDir Path tmp;

  @Test
  void livyConfPointsAtALocalMasterAndWhitelistsTheJobsFolder() throws Exception {
    LocalClusterLayout.Paths p =
        new LocalClusterLayout(settings(1024)).write(tmp.resolve("c1"), 18998);

    String conf = Files.readString(p.livyConf().resolve("livy.conf"));
    assertThat(conf)
        .contains("livy.server.host = 127.0.0.1")
        .contains("livy.server.port = 18998")
        .contains("livy.spark.master = local[2]")
        .contains("livy.file.local-dir-whitelist = /opt/lc/jobs,/data/in")
        .contains("livy.server.session.state-retain.sec = 600s");
    assertThat(Files.readString(p.sparkConf().resolve("spark-defaults.conf")))
        .contains("spark.ui.enabled false")
        .contains("spark.sql.shuffle.partitions 2");
  }

  @Test
  void sparkSubmitAnswersLivysVersionCheckAndRunsSparkWithJava17Flags() throws Exception {
    LocalClusterLayout.Paths p = new LocalClusterLayout(settings(1024)).write(tmp.resolve("c1"), 1);
    Path submit = p.sparkHome().resolve("bin/spark-submit");

    assertThat(Files.isExecutable(submit)).isTrue();
    Process version =
        new ProcessBuilder(submit.toString(), "--version").redirectErrorStream(true).start();
    String banner = new String(version.getInputStream().readAllBytes());
    assertThat(version.waitFor()).isZero();
    assertThat(banner).contains("version 2.4.8").contains("Using Scala version 2.11.12");
    assertThat(Files.readString(submit))
        .contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED")
        .contains("-Djdk.reflect.useDirectMethodHandle=false")
        .contains("xmx=1024m")
        .contains("'/opt/lc/spark/*:/opt/lc/jobs/lakeops-spark-jobs-job.jar'")
        .contains("org.apache.spark.deploy.SparkSubmit \"$@\"");
  }

  @Test
  void theDriversJavaOptionsReachItsJvmAndLaterDriversShareTheFirstOnesClassArchive()
      throws Exception {
    Path java = tmp.resolve("java");
    Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
    Path work = tmp.resolve("clusters");
    LocalClusterLayout.Paths p =
        new LocalClusterLayout(settings(1024, java, work)).write(tmp.resolve("c1"), 1);
    Path archive = work.resolve(LocalClusterLayout.CDS_ARCHIVE);

    String share = LocalClusterLayout.CDS_CONF + "=true";
    assertThat(jvmArgs(p, "--conf", "spark.driver.extraJavaOptions=-XX:+UseSerialGC"))
        .as("a driver that does not ask for sharing, such as a streaming job's, takes no part")
        .contains("-XX:+UseSerialGC")
        .noneMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit") || a.startsWith("-XX:Shared"));
    List<String> first =
        jvmArgs(p, "--conf", "spark.driver.extraJavaOptions=-XX:+UseSerialGC", "--conf", share);
    assertThat(first)
        .contains("-XX:+UseSerialGC", "-XX:ArchiveClassesAtExit=" + archive)
        .doesNotContain("-XX:SharedArchiveFile=" + archive);
    assertThat(first.indexOf("-XX:+UseSerialGC")).isLessThan(first.indexOf("-cp"));
    // While the first driver runs (its archive not written yet), the next one does not dump too.
    assertThat(
            jvmArgs(p, "--driver-java-options", "-XX:TieredStopAtLevel=1 -Dx=y", "--conf", share))
        .contains("-XX:TieredStopAtLevel=1", "-Dx=y")
        .noneMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit") || a.startsWith("-XX:Shared"));

    Files.writeString(archive, "written at the first driver's exit");
    assertThat(jvmArgs(p, "--conf", share, "--class", "Job", "app.jar"))
        .contains("-XX:SharedArchiveFile=" + archive)
        .noneMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit"))
        .contains("org.apache.spark.deploy.SparkSubmit")
        .endsWith("--conf", share, "--class", "Job", "app.jar");
  }

  private static List<String> jvmArgs(LocalClusterLayout.Paths p, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>();
    command.add(p.sparkHome().resolve("bin/spark-submit").toString());
    command.addAll(List.of(args));
    Process submit = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(submit.getInputStream().readAllBytes());
    assertThat(submit.waitFor()).as(out).isZero();
    return out.lines().toList();
  }

  @Test
  void aDriverHeapSparkWouldRefuseIsRefusedFirst() {
    assertThatThrownBy(() -> settings(256).check())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("at least 512m");
  }

  private static LocalClusterSettings settings(long driverMb) {
    return settings(driverMb, Path.of("/usr/bin/java"), Path.of("/tmp/clusters"));
  }

  private static LocalClusterSettings settings(long driverMb, Path java, Path workDir) {
    return new LocalClusterSettings(
        Path.of("/opt/lc/livy"),
        Path.of("/opt/lc/spark"),
        Path.of("/opt/lc/jobs/lakeops-spark-jobs-job.jar"),
        workDir,
        java,
        "local[2]",
        driverMb,
        256,
        2,
        Duration.ofSeconds(90),
        Duration.ofSeconds(600),
        List.of(Path.of("/data/in")),
        Map.of("spark.sql.shuffle.partitions", "2"));
  }
}
