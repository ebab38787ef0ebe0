package io.lakeops.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;
import java.util.Optional;

/**
 * The Spark applications the console submits: the spark-jobs job jar and where the jobs write. See
 * docs/spark-jobs.md for the arguments built from a job and its run.
 */
@ConfigMapping(prefix = "lakeops.spark-jobs")
public interface SparkJobsConfig {

  /**
   * The spark-jobs job jar as the cluster sees it: {@code s3://bucket/…/lakeops-spark-jobs-job.jar}
   * on EMR. The default is the copy the build makes for local clusters; a plain path is made
   * absolute, as Livy only reads local files from its whitelisted folders, the jar's among them.
   */
  @WithDefault("${lakeops.local-clusters.home}/jobs/lakeops-spark-jobs-job.jar")
  String jar();

  /**
   * The lake as the jobs see it (an extraction's {@code output}, a streaming job's {@code lake}),
   * when they must name it otherwise than {@code lakeops.lake.base} does ({@code s3a://} for the
   * same bucket and prefix). Unset: {@code lakeops.lake.base} ({@code s3://bucket/prefix} on EMR, a
   * plain path made absolute), where the console reads manifests back.
   */
  Optional<String> lake();

  /**
   * Spark settings for every extraction, such as {@code
   * lakeops.spark-jobs.extraction-conf."spark.executor.memory"=4g}; a cluster's own defaults apply
   * to the rest.
   */
  Map<String, String> extractionConf();

  /**
   * Spark settings for every streaming job. {@code spark.sql.shuffle.partitions} is fixed in a
   * query's checkpoint at its first start, so set it before a job first runs.
   */
  Map<String, String> streamingConf();
}
