package io.lakeops.config;

/** How EMR builds a pool's clusters ({@code lakeops.pools.<name>.emr.*}); see docs/emr.md. */
public interface EmrPoolConfig {

  /** The EMR release, for example {@code emr-7.5.0} (Spark 3.5, Livy 0.8). */
  String releaseLabel();
}
