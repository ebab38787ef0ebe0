package io.lakeops.config;

import io.lakeops.control.jobs.JobDefinition;
import io.lakeops.domain.Cluster;
import io.lakeops.domain.ExtractionSpec;
import io.lakeops.domain.InputWindow;
import io.lakeops.domain.Job;
import io.lakeops.domain.JobRun;
import io.lakeops.domain.MarketMix;
import io.lakeops.domain.Pool;
import io.lakeops.domain.RetryPolicy;
import io.lakeops.domain.RotationPolicy;
import io.lakeops.domain.RunResult;
import io.lakeops.domain.StreamingSpec;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What a native console reaches by reflection outside Quarkus' own view (docs/native.md). Quarkus
 * registers the types of REST resources' signatures by itself; these are bound by Jackson
 * elsewhere: the domain records the stores and the audit keep as JSON documents ({@code
 * DomainJson}, {@code NestedValues}), and the definitions file's shape. Their nested records
 * (Cluster.Rotation, JobRun.Failures and Timings, JobDefinition's parts) come along. Caffeine picks
 * its cache and node classes by name from the builder's settings: these two are the ones {@code
 * expireAfterWrite} with {@code maximumSize} and strong keys and values choose
 * (VerifiedCredentials, LoginThrottle). Without a native build here, this list comes from reading
 * the code, not from the tracing agent.
 */
@RegisterForReflection(
    targets = {
      Job.class,
      JobRun.class,
      Cluster.class,
      Pool.class,
      ExtractionSpec.class,
      StreamingSpec.class,
      RetryPolicy.class,
      RotationPolicy.class,
      InputWindow.class,
      MarketMix.class,
      RunResult.class,
      JobDefinition.class
    },
    classNames = {
      "io.lakeops.adapters.definitions.DefinitionsFileLoader$DefinitionsFile",
      "com.github.benmanes.caffeine.cache.SSMSW",
      "com.github.benmanes.caffeine.cache.PSWMS"
    })
final class NativeReflection {
  private NativeReflection() {}
}
