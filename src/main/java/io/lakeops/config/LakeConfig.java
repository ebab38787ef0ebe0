package io.lakeops.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.util.Optional;

/**
 * The lake the jobs write to, as the console reads it back (manifests, schema fingerprints), and
 * the S3 client it reads an {@code s3://} lake or streaming base with. See docs/lake.md.
 */
@ConfigMapping(prefix = "lakeops.lake")
public interface LakeConfig {

  /**
   * Where the lake is: {@code s3://bucket/prefix} (or {@code s3a://}, the same objects) on EMR,
   * read through the S3 API; a folder on this machine in the embedded default. Unless {@code
   * lakeops.spark-jobs.lake} says otherwise, the jobs are given the same location.
   */
  @WithDefault("${lakeops.data-dir}/lake")
  String base();

  /** The S3 client of {@code s3://} and {@code s3a://} locations. */
  S3 s3();

  /** How the console reaches S3. Credentials come from the SDK's default chain. */
  interface S3 {

    /** The bucket's region; the SDK's region chain when unset. */
    Optional<String> region();

    /**
     * Another endpoint than AWS's: an S3-compatible server or a VPC endpoint ({@code
     * http://127.0.0.1:9000}). On a loopback address fixed dummy credentials are used, and
     * us-east-1 unless {@link #region()} is set.
     */
    Optional<URI> endpointOverride();

    /**
     * Path-style requests ({@code http://host/bucket/key}) instead of virtual-hosted ones ({@code
     * http://bucket.host/key}), which most S3-compatible servers need.
     */
    @WithDefault("false")
    boolean pathStyle();
  }
}
