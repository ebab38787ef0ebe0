package io.lakeops.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The local audit mirror and its incremental sync from the state store. */
@ConfigMapping(prefix = "lakeops.audit")
public interface AuditConfig {

  /**
   * How often the sync reads the state store's change feed (every console replica syncs its own
   * mirror).
   */
  @WithDefault("5s")
  Duration syncInterval();

  /** How far before its saved position each pass re-reads, to cover writers whose clocks lag. */
  @WithDefault("60s")
  Duration syncOverlap();

  /**
   * How old a change must be before the sync mirrors it, leaving the console time to audit its own
   * writes.
   */
  @WithDefault("2s")
  Duration syncSettle();

  /** How far back the first pass of a new mirror reads. */
  @WithDefault("7d")
  Duration firstLookback();
}
