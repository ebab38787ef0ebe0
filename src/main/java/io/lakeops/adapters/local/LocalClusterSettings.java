package io.lakeops.adapters.local;

import io.lakeops.config.LocalClustersConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Local cluster settings as absolute paths and plain values, checked once: a missing jar folder or
 * a driver heap Spark would refuse fails the first launch with a clear message.
 */
record LocalClusterSettings(
    Path livyJars,
    Path sparkJars,
    Path jobsJar,
    Path workDir,
    Path java,
    String sparkMaster,
    long driverMemoryMb,
    long livyMemoryMb,
    int maxConcurrent,
    Duration startTimeout,
    Duration stateRetain,
    List<Path> extraReadableDirs,
    Map<String, String> sparkConf) {

  static final long MIN_DRIVER_MB = 512;
  static final String JOBS_JAR = "lakeops-spark-jobs-job.jar";

  static LocalClusterSettings from(LocalClustersConfig c) {
    Path home = c.home().toAbsolutePath().normalize();
    return new LocalClusterSettings(
        home.resolve("livy"),
        home.resolve("spark"),
        home.resolve("jobs").resolve(JOBS_JAR),
        c.workDir().toAbsolutePath().normalize(),
        Path.of(System.getProperty("java.home"), "bin", "java"),
        c.sparkMaster(),
        c.driverMemory().asLongValue() / (1024 * 1024),
        c.livyMemory().asLongValue() / (1024 * 1024),
        c.maxConcurrent(),
        c.startTimeout(),
        c.stateRetain(),
        c.localDirWhitelist().orElse(List.of()).stream()
            .map(p -> p.toAbsolutePath().normalize())
            .toList(),
        Map.copyOf(c.sparkConf()));
  }

  /** Fails when the build's jars are missing or the driver heap is too small for Spark. */
  void check() {
    if (driverMemoryMb < MIN_DRIVER_MB) {
      throw new IllegalStateException(
          "lakeops.local-clusters.driver-memory must be at least 512m; Spark refuses less");
    }
    for (Path p : List.of(livyJars, sparkJars, jobsJar)) {
      if (!Files.exists(p)) {
        throw new IllegalStateException(
            p
                + " is missing: build the console (./mvnw package) so local clusters have their jars");
      }
    }
  }

  /** What Livy lets batches read: the jobs jar's folder and the configured extra folders. */
  List<Path> readableDirs() {
    List<Path> dirs = new ArrayList<>();
    dirs.add(jobsJar.getParent());
    dirs.addAll(extraReadableDirs);
    return dirs;
  }
}
