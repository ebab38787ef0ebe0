package io.lakeops.testdata;

import io.lakeops.domain.Pool;
import io.lakeops.domain.PoolName;
import io.lakeops.domain.RotationPolicy;
import io.lakeops.domain.SizeClass;
import java.time.Duration;

/** Test pools with sensible defaults: pool {@code small}, one cluster wanted, no rotation. */
public final class TestPools {
  private String name = "small";
  private int desired = 1;
  private RotationPolicy rotation = RotationPolicy.NEVER;
  private Duration drainTimeout = Duration.ofMinutes(10);
  private int concurrentRuns = 4;

  public static TestPools aPool() {
    return new TestPools();
  }

  public TestPools name(String value) {
    this.name = value;
    return this;
  }

  public TestPools desired(int value) {
    this.desired = value;
    return this;
  }

  public TestPools maxAge(Duration value) {
    this.rotation = new RotationPolicy(value, rotation.cron());
    return this;
  }

  public TestPools drainTimeout(Duration value) {
    this.drainTimeout = value;
    return this;
  }

  public TestPools concurrentRuns(int value) {
    this.concurrentRuns = value;
    return this;
  }

  public Pool build() {
    return new Pool(
        new PoolName(name), SizeClass.SMALL, "", desired, rotation, drainTimeout, concurrentRuns);
  }
}
