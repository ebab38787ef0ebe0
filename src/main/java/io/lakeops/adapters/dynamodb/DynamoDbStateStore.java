package io.lakeops.adapters.dynamodb;

import io.lakeops.config.StoreConfig;
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
import io.lakeops.ports.ScheduleStore;
import io.lakeops.ports.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The state store on DynamoDB: tables {@code <prefix>jobs}, {@code runs}, {@code clusters}, {@code
 * leases} (and the scheduler's {@code schedule}) written only by single-item conditional writes,
 * read by key or through indexes, never by a scan. The layout and the contract for other writers
 * are in {@code docs/state-store.md}.
 */
public final class DynamoDbStateStore implements StateStore, AutoCloseable {
  private final DynamoDbClient client;
  private final Schema schema;
  private final JobCodec jobCodec = new JobCodec();
  private final RunCodec runCodec = new RunCodec();
  private final ClusterCodec clusterCodec = new ClusterCodec();
  private final VersionedTable<Job> jobs;
  private final VersionedTable<JobRun> runs;
  private final VersionedTable<Cluster> clusters;
  private final LeaseTable leases;
  private final Listings listings;
  private final ChangeFeedReader changes;
  private final ScheduleStore schedule;

  DynamoDbStateStore(DynamoDbClient client, Schema schema, Clock clock) {
    this.client = client;
    this.schema = schema;
    this.jobs = new VersionedTable<>(client, schema.jobs, jobCodec, clock);
    this.runs = new VersionedTable<>(client, schema.runs, runCodec, clock);
    this.clusters = new VersionedTable<>(client, schema.clusters, clusterCodec, clock);
    this.leases = new LeaseTable(client, schema.leases);
    IndexPager pager = new IndexPager(client);
    this.listings = new Listings(schema, pager);
    this.changes = new ChangeFeedReader(pager, clock);
    this.schedule = new DynamoDbScheduleStore(client, schema, clock);
  }

  public ScheduleStore scheduleStore() {
    return schedule;
  }

  /** Connects with {@code config}, creating missing tables first when it says so. */
  public static DynamoDbStateStore connect(StoreConfig.DynamoDb config, Clock clock) {
    DynamoDbClient client = DynamoDbClients.create(config);
    try {
      Schema schema = new Schema(config.tablePrefix());
      if (config.createTables()) {
        new TableCreator(client).createMissing(schema.tables());
      }
      return new DynamoDbStateStore(client, schema, clock);
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  @Override
  public Job createJob(Job job) {
    return jobs.create(job);
  }

  @Override
  public Optional<Job> findJob(JobId id) {
    return jobs.find(id.value());
  }

  @Override
  public Job updateJob(Job job) {
    return jobs.update(job);
  }

  @Override
  public void deleteJob(JobId id, long expectedVersion) {
    jobs.delete(id.value(), expectedVersion);
  }

  @Override
  public Page<Job> listJobs(PageRequest page) {
    return listings.jobs(page);
  }

  @Override
  public BoundedCount countJobs(int atMost) {
    return listings.countJobs(atMost);
  }

  @Override
  public Created<JobRun> createRunIfAbsent(JobRun run) {
    // Runs are never deleted, so a taken id that cannot be read was a race with a delete by hand.
    for (int attempt = 0; attempt < 3; attempt++) {
      Optional<Created<JobRun>> outcome = runs.createIfAbsent(run);
      if (outcome.isPresent()) {
        return outcome.get();
      }
    }
    throw new IllegalStateException("run " + run.id() + " is being created and deleted at once");
  }

  @Override
  public Optional<JobRun> findRun(RunId id) {
    return runs.find(id.value());
  }

  @Override
  public JobRun updateRun(JobRun run) {
    return runs.update(run);
  }

  @Override
  public Page<JobRun> findRuns(RunQuery query, PageRequest page) {
    return listings.runs(query, page);
  }

  @Override
  public Page<JobRun> findRunsOccupying(ClusterId cluster, PageRequest page) {
    return listings.occupying(cluster, page);
  }

  @Override
  public Cluster createCluster(Cluster cluster) {
    return clusters.create(cluster);
  }

  @Override
  public Optional<Cluster> findCluster(ClusterId id) {
    return clusters.find(id.value());
  }

  @Override
  public Cluster updateCluster(Cluster cluster) {
    return clusters.update(cluster);
  }

  @Override
  public Page<Cluster> findClusters(PoolName pool, PageRequest page) {
    return listings.clusters(pool, page);
  }

  @Override
  public Page<Cluster> findLiveClusters(PageRequest page) {
    return listings.liveClusters(page);
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
    return leases.find(name);
  }

  @Override
  public Page<Change> changesSince(EntityKind kind, Instant since, PageRequest page) {
    return switch (kind) {
      case JOB -> changes.page(kind, schema.jobChanges, jobCodec, since, page);
      case RUN -> changes.page(kind, schema.runChanges, runCodec, since, page);
      case CLUSTER -> changes.page(kind, schema.clusterChanges, clusterCodec, since, page);
    };
  }

  /** One DescribeTable: cheap, and it fails when the endpoint, credentials or table are wrong. */
  @Override
  public boolean isReachable() {
    try {
      client.describeTable(r -> r.tableName(schema.jobs));
      return true;
    } catch (SdkException e) {
      return false;
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
