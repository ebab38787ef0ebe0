package io.lakeops.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Job definitions. */
@ConfigMapping(prefix = "lakeops.jobs")
public interface JobsConfig {

  /** The shortest schedule interval a job may have. */
  @WithDefault("1m")
  Duration minimumInterval();

  /**
   * A YAML or JSON file of job definitions applied at start: missing jobs are created, changed ones
   * replaced (recorded in the audit log as actor {@code definitions-file}).
   */
  Optional<String> definitionsFile();
}
