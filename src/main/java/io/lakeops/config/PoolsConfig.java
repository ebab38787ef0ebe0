package io.lakeops.config;

import io.lakeops.domain.SizeClass;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The pools of clusters jobs can name, by pool name. Shown read-only on the clusters page and at
 * {@code GET /api/pools}; an invalid key stops the start with a message naming it.
 */
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

    /**
     * How many READY clusters the reconciler keeps in the pool: it launches one when fewer are
     * READY or on their way, and replaces one that dies. 0 launches none.
     */
    @WithDefault("0")
    @Min(0)
    @Max(50)
    int desired();

    /** Rotate a cluster once it has been READY this long ({@code 12h}); unset for no limit. */
    Optional<Duration> maxAge();

    /**
     * Rotate the pool's clusters at each firing of this five-field cron (UTC), for example {@code 0
     * 3 * * *}: a cluster READY before the last firing is replaced.
     */
    Optional<String> rotationCron();

    /**
     * How long a draining cluster's batch runs may take to finish before they are stopped and moved
     * to the replacement; streaming runs move at once (they restart from their checkpoint).
     */
    @WithDefault("15m")
    Duration drainTimeout();

    /** The most runs one cluster of the pool takes at once; the rest wait for room. */
    @WithDefault("4")
    @Min(1)
    @Max(200)
    int concurrentRuns();

    /** How EMR builds the pool's clusters; required when {@code lakeops.clusters.provider=emr}. */
    Optional<EmrPoolConfig> emr();

    /**
     * The Livy server the pool's clusters stand for when {@code lakeops.clusters.provider=livy}
     * ({@code http://livy:8998}): one you run, which the console neither starts nor stops; required
     * then for a pool with desired clusters.
     */
    Optional<URI> livyEndpoint();
  }
}
