package io.lakeops.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

/** The lake the jobs write to, as the console reads it back (manifests). */
@ConfigMapping(prefix = "lakeops.lake")
public interface LakeConfig {

  /**
   * The lake's base folder on this machine, the jobs' {@code output} in the embedded default. On
   * EMR the lake is in S3, read through the S3 adapter (a later issue).
   */
  @WithDefault("${lakeops.data-dir}/lake")
  Path base();
}
