package io.lakeops.control.scheduling;

import io.lakeops.control.audit.AuditTrail;
import io.lakeops.control.clusters.ClusterHealth;
import io.lakeops.control.clusters.ClusterLifecycle;
import io.lakeops.control.clusters.LaunchBackoff;
import io.lakeops.control.clusters.PoolReconciler;
import io.lakeops.domain.Pool;
import io.lakeops.json.DomainJson;
import io.lakeops.ports.ClusterProvider;
import io.lakeops.ports.RunResults;
import io.lakeops.ports.SubmitRequest;
import io.lakeops.testdata.EmbeddedStores;
import io.lakeops.testdata.FakeSparkSubmitter;
import io.lakeops.testdata.InMemoryAuditLog;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Leader passes over the embedded stores and a fake Livy, with the cluster provider and pools the
 * test gives: for tests about the clusters' side of the pass. No job runs here.
 */
public final class LeaderPasses {
  private static final SchedulerSettings SETTINGS =
      new SchedulerSettings(3, 10, Duration.ofMinutes(1), 3, Duration.ofMinutes(30), 2);

  private LeaderPasses() {}

  public static ControlLoop replica(
      String name, EmbeddedStores stores, ClusterProvider provider, List<Pool> pools, Clock clock) {
    return ControlLoop.over(
        stores.state(),
        stores.schedule(),
        audit(),
        new FakeSparkSubmitter(),
        (job, run, submission) ->
            new SubmitRequest(submission, "/jobs.jar", "Main", List.of(), Map.of()),
        (RunResults) run -> Optional.empty(),
        (job, low) -> low,
        SETTINGS,
        clusters(provider, pools, clock),
        new ControlLoop.Timing(
            name, Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(1)));
  }

  /** The pools' clusters judged as in production's defaults: 3 pings, 30 m to start. */
  public static ControlLoop.Clusters clusters(
      ClusterProvider provider, List<Pool> pools, Clock clock) {
    return new ControlLoop.Clusters(
        provider,
        pools,
        new PoolReconciler.Settings(
            3,
            Duration.ofMinutes(30),
            new LaunchBackoff(Duration.ofSeconds(30), Duration.ofMinutes(10), 3)),
        new ClusterHealth(),
        clock);
  }

  /** The lifecycle over the same store, for the live clusters a signal feed checks against. */
  public static ClusterLifecycle lifecycle(
      EmbeddedStores stores, ClusterProvider provider, Clock clock) {
    return new ClusterLifecycle(stores.state(), provider, audit(), clock);
  }

  private static AuditTrail audit() {
    return new AuditTrail(new InMemoryAuditLog(), DomainJson::write);
  }
}
