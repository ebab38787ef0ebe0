package io.lakeops.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/**
 * The scheduler: how often the leader's pass runs and how it behaves. See docs/scheduler.md.
 * Changing a period needs a restart.
 */
@ConfigMapping(prefix = "lakeops.scheduler")
public interface SchedulerConfig {

  /**
   * Whether this replica takes part in leading: ticks, dispatches and follows runs. Off, the
   * console only shows and edits; another replica (or none) runs the jobs.
   */
  @WithDefault("true")
  boolean enabled();

  /**
   * How often the leader's pass runs: turn due windows into runs, follow submitted runs, dispatch
   * scheduled ones. Also the finest useful schedule interval.
   */
  @WithDefault("5s")
  Duration interval();

  /**
   * How long the leader lease lasts without renewal (each pass renews it). After a crash another
   * replica leads once this has passed; a clean stop hands over at once.
   */
  @WithDefault("60s")
  Duration leaseTtl();

  /** How often the leader follows the job change feed to mend due entries a crash left behind. */
  @WithDefault("2m")
  Duration repairInterval();

  /** How far before the previous repair the next one starts reading (writers' clocks lag). */
  @WithDefault("1m")
  Duration repairOverlap();

  /** Most missed windows of one job turned into runs in one pass; older ones are reported. */
  @WithDefault("12")
  @Min(1)
  int catchUpCap();

  /** Due entries read per page. */
  @WithDefault("100")
  @Min(1)
  int pageSize();

  /** Due entries of one page handled at once. */
  @WithDefault("16")
  @Min(1)
  int tickThreads();

  /** How often a running streaming job is checked to be still live. */
  @WithDefault("1m")
  Duration streamingCheckEvery();

  /** This many restarts of a streaming job within {@code restart-loop-period} flag a loop. */
  @WithDefault("5")
  @Min(2)
  int restartLoopRestarts();

  /** See {@code restart-loop-restarts}. */
  @WithDefault("30m")
  Duration restartLoopPeriod();
}
