package io.lakeops.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** Clusters: how often their provider is asked, and which to launch at start. */
@ConfigMapping(prefix = "lakeops.clusters")
public interface ClustersConfig {

  /** How often each live cluster's state is read from its provider. */
  @WithDefault("10s")
  Duration watchInterval();

  /**
   * Clusters to have alive per pool once the console has started ({@code
   * lakeops.clusters.at-start.small=1}); missing ones are launched at start.
   */
  Map<String, Integer> atStart();
}
