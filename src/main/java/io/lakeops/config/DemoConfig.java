package io.lakeops.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The demo lake of the embedded default (docs/demo.md): its services run as one child process from
 * the jars the build put in {@code home}; their ports are chosen once (see {@code DemoSettings}).
 */
@ConfigMapping(prefix = "lakeops.demo")
public interface DemoConfig {

  /** Whether the console starts the demo lake ({@code LAKEOPS_DEMO=false} turns it off). */
  @WithDefault("false")
  boolean enabled();

  /**
   * Where the build put the demo services' jars ({@code lib/}) and the broker's ({@code kafka/}).
   */
  Path home();

  /** The demo's job definitions, applied at start like any definitions file. */
  Path jobsFile();

  /** How long the services may take to be ready; a first start unpacks two databases. */
  @WithDefault("5m")
  Duration startTimeout();

  /** The heap of the services' JVM (the databases and the broker have their own processes). */
  @WithDefault("192m")
  String heap();

  /** Chosen at the first start and kept (see DemoSettings); 0 while the demo is off. */
  @WithDefault("0")
  int shopPort();

  /** Chosen at the first start and kept (see DemoSettings); 0 while the demo is off. */
  @WithDefault("0")
  int sinkPort();

  /** Chosen at the first start and kept (see DemoSettings); 0 while the demo is off. */
  @WithDefault("0")
  int kafkaPort();

  /** Chosen at the first start and kept (see DemoSettings); 0 while the demo is off. */
  @WithDefault("0")
  int kafkaControllerPort();
}
