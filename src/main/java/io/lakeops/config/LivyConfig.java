package io.lakeops.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Optional;

/**
 * How the console talks to the Livy server of each cluster (EMR or local). See
 * docs/livy-and-local-clusters.md.
 */
@ConfigMapping(prefix = "lakeops.livy")
public interface LivyConfig {

  /** How long to wait for a TCP connection to a cluster's Livy server. */
  @WithDefault("5s")
  Duration connectTimeout();

  /**
   * How long to wait for Livy's answer once connected. Livy answers reads at once; a submit returns
   * as soon as spark-submit is launched, so anything longer means the master is in trouble.
   */
  @WithDefault("30s")
  Duration readTimeout();

  /**
   * {@code spark.submit.deployMode} set on every batch whose request does not set it: {@code
   * cluster} on EMR, so drivers run on core nodes rather than next to Livy on the master. Empty
   * leaves Livy's own setting, which local clusters need (Spark's local master runs in client
   * mode).
   */
  Optional<String> deployMode();

  /** Page size when listing a cluster's batches to find one by name (re-attach). */
  @WithDefault("100")
  @Min(1)
  @Max(1000)
  int listPageSize();

  /**
   * How many killed batches to remember per console. Livy forgets a batch as soon as it is deleted;
   * remembering the kill lets {@code status} say KILLED instead of UNKNOWN until the console stops.
   */
  @WithDefault("10000")
  @Min(0)
  int rememberedKills();

  /** Retries of idempotent calls (reads, kill, and a submit after checking its name). */
  Retry retry();

  /** One circuit breaker per Livy endpoint, so one sick cluster does not slow calls to others. */
  CircuitBreaker circuitBreaker();

  interface Retry {
    /** Attempts after the first; 0 disables retries. */
    @WithDefault("3")
    @Min(0)
    @Max(10)
    int maxRetries();

    /** Delay before the first retry; doubled at each retry up to {@code max-delay}. */
    @WithDefault("250ms")
    Duration delay();

    /** The longest delay between two attempts. */
    @WithDefault("4s")
    Duration maxDelay();
  }

  interface CircuitBreaker {
    /** How many recent calls the breaker judges (its rolling window). */
    @WithDefault("10")
    @Min(1)
    int requestVolumeThreshold();

    /** The share of failed calls in the window that opens the breaker. */
    @WithDefault("0.5")
    @DecimalMin("0.01")
    @DecimalMax("1.0")
    double failureRatio();

    /** How long an open breaker refuses calls before it lets trial calls through. */
    @WithDefault("20s")
    Duration delay();

    /** Trial calls that must succeed to close the breaker again. */
    @WithDefault("1")
    @Min(1)
    int successThreshold();
  }
}
