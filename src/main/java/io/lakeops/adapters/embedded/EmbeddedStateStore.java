package io.lakeops.adapters.embedded;

import io.lakeops.domain.Cluster;
import io.lakeops.domain.ClusterId;
import io.lakeops.domain.Job;
import io.lakeops.domain.JobId;
import io.lakeops.domain.JobRun;
import io.lakeops.domain.PoolName;
import io.lakeops.domain.RunId;
import io.lakeops.ports.BoundedCount;
import io.lakeops.ports.Change;
import io.lakeops.ports.EntityKind;
import io.lakeops.ports.Lease;
import io.lakeops.ports.Page;
import io.lakeops.ports.PageRequest;
import io.lakeops.ports.RunQuery;
import io.lakeops.ports.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The state store of the embedded default: H2 tables (created by Flyway) with the same records,
 * indexes and conditional-write semantics as the DynamoDB tables.
 */
public final class EmbeddedStateStore implements StateStore {
  private final Sql sql;
  private final EmbeddedJobs jobs;
  private final EmbeddedRuns runs;
  private final EmbeddedClusters clusters;
  private final EmbeddedLeases leases;
  private final EmbeddedChangeFeed changes;

  public EmbeddedStateStore(DataSource dataSource, Clock clock) {
    this.sql = new Sql(dataSource);
    this.jobs = new EmbeddedJobs(sql, clock);
    this.runs = new EmbeddedRuns(sql, clock);
    this.clusters = new EmbeddedClusters(sql, clock);
    this.leases = new EmbeddedLeases(sql);
    this.changes = new EmbeddedChangeFeed(sql);
  }

  @Override
  public boolean isReachable() {
    return sql.ping();
  }

  @Override
  public Job createJob(Job job) {
    return jobs.createJob(job);
  }

  @Override
  public Optional<Job> findJob(JobId id) {
    return jobs.findJob(id);
  }

  @Override
  public Job updateJob(Job job) {
    return jobs.updateJob(job);
  }

  @Override
  public void deleteJob(JobId id, long expectedVersion) {
    jobs.deleteJob(id, expectedVersion);
  }

  @Override
  public Page<Job> listJobs(PageRequest page) {
    return jobs.listJobs(page);
  }

  @Override
  public BoundedCount countJobs(int atMost) {
    return jobs.countJobs(atMost);
  }

  @Override
  public Created<JobRun> createRunIfAbsent(JobRun run) {
    return runs.createRunIfAbsent(run);
  }

  @Override
  public Optional<JobRun> findRun(RunId id) {
    return runs.findRun(id);
  }

  @Override
  public JobRun updateRun(JobRun run) {
    return runs.updateRun(run);
  }

  @Override
  public Page<JobRun> findRuns(RunQuery query, PageRequest page) {
    return runs.findRuns(query, page);
  }

  @Override
  public Page<JobRun> findRunsOccupying(ClusterId cluster, PageRequest page) {
    return runs.findRunsOccupying(cluster, page);
  }

  @Override
  public Cluster createCluster(Cluster cluster) {
    return clusters.createCluster(cluster);
  }

  @Override
  public Optional<Cluster> findCluster(ClusterId id) {
    return clusters.findCluster(id);
  }

  @Override
  public Cluster updateCluster(Cluster cluster) {
    return clusters.updateCluster(cluster);
  }

  @Override
  public Page<Cluster> findClusters(PoolName pool, PageRequest page) {
    return clusters.findClusters(pool, page);
  }

  @Override
  public Page<Cluster> findLiveClusters(PageRequest page) {
    return clusters.findLiveClusters(page);
  }

  @Override
  public Optional<Lease> tryAcquire(String name, String holder, Duration ttl, Instant now) {
    return leases.tryAcquire(name, holder, ttl, now);
  }

  @Override
  public void release(String name, String holder) {
    leases.release(name, holder);
  }

  @Override
  public Optional<Lease> findLease(String name) {
    return leases.findLease(name);
  }

  @Override
  public Page<Change> changesSince(EntityKind kind, Instant since, PageRequest page) {
    return changes.changesSince(kind, since, page);
  }
}
