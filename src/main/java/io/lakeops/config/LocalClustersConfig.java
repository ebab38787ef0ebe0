package io.lakeops.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Local clusters, the embedded default's clusters: each is a Livy server process whose spark-submit
 * runs Spark in local mode. See docs/livy-and-local-clusters.md.
 */
@ConfigMapping(prefix = "lakeops.local-clusters")
public interface LocalClustersConfig {

  /**
   * Where the build put the jars ({@code livy/}, {@code spark/}, {@code jobs/}; see src/pom.xml).
   * Relative paths start at the working directory: the repository root for the packaged console,
   * {@code src/} for its tests.
   */
  @WithDefault("src/target/local-cluster")
  Path home();

  /** Where each cluster gets its working directory: Livy's home and logs, Spark's scratch space. */
  @WithDefault("${lakeops.data-dir}/clusters")
  Path workDir();

  /** Spark's master for the batches of a local cluster. */
  @WithDefault("local[2]")
  String sparkMaster();

  /**
   * Heap of each Spark driver, which in local mode runs the executors too. At least 512m: Spark
   * refuses to start below about 450 MiB.
   */
  @WithDefault("1g")
  MemorySize driverMemory();

  /** Heap of each Livy server (it idles at about 135 MB). */
  @WithDefault("256m")
  MemorySize livyMemory();

  /** The most local clusters alive at once; each batch is a JVM with the driver heap above. */
  @WithDefault("2")
  @Min(1)
  @Max(16)
  int maxConcurrent();

  /** How long a Livy server may take to answer after it started before the cluster is FAILED. */
  @WithDefault("90s")
  Duration startTimeout();

  /** How long Livy remembers a finished batch ({@code livy.server.session.state-retain.sec}). */
  @WithDefault("600s")
  Duration stateRetain();

  /**
   * Directories, besides the jobs jar's, that batches may read local files from ({@code
   * livy.file.local-dir-whitelist}): extra jars, files given to a job.
   */
  Optional<List<Path>> localDirWhitelist();

  /**
   * Spark settings for every batch of a local cluster, written to its spark-defaults.conf; keys
   * with dots are quoted: {@code
   * lakeops.local-clusters.spark-conf."spark.sql.shuffle.partitions"=4}.
   */
  Map<String, String> sparkConf();
}
