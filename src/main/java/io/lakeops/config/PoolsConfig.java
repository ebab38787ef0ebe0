package io.lakeops.config;

import io.lakeops.domain.SizeClass;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import java.util.Map;

/** The pools of clusters jobs can name, by pool name. */
@ConfigMapping(prefix = "lakeops.pools")
public interface PoolsConfig {

  /** Pools by name ({@code lakeops.pools.<name>.size=small}). */
  @WithParentName
  Map<String, PoolConfig> pools();

  interface PoolConfig {
    /** The size class of the pool's clusters. */
    SizeClass size();

    /** What the pool is for, shown in the console. */
    @WithDefault("")
    String description();
  }
}
