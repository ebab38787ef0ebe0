package io.lakeops.adapters.dynamodb;

import io.lakeops.domain.Cluster;
import io.lakeops.domain.ClusterId;
import io.lakeops.domain.Job;
import io.lakeops.domain.JobRun;
import io.lakeops.domain.PoolName;
import io.lakeops.ports.BoundedCount;
import io.lakeops.ports.Page;
import io.lakeops.ports.PageRequest;
import io.lakeops.ports.RunQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every listing, each served by an index rather than a scan. Runs come from the most selective
 * index: by job, else by cluster, else by state, else the sharded all-runs index; criteria the
 * chosen index does not cover become a filter on it. All run indexes sort by {@code scheduledFor},
 * read newest first.
 */
final class Listings {
  private static final Comparator<Map<String, AttributeValue>> NEWEST_FIRST =
      Comparator.comparingLong(
              (Map<String, AttributeValue> item) -> Attr.number(item, Schema.SCHEDULED_FOR))
          .reversed();

  private final Schema schema;
  private final IndexPager pager;
  private final ShardMerge merge;
  private final RunCodec codec = new RunCodec();
  private final JobCodec jobs = new JobCodec();
  private final ClusterCodec clusters = new ClusterCodec();

  Listings(Schema schema, IndexPager pager) {
    this.schema = schema;
    this.pager = pager;
    this.merge = new ShardMerge(pager);
  }

  /** Jobs in id order, from the one-partition by-id index. */
  Page<Job> jobs(PageRequest page) {
    IndexQuery all = IndexQuery.ascending(schema.jobsById, Attr.s(JobCodec.LISTING_VALUE));
    return pager.page(all, page, jobs::decode);
  }

  /** Counted on the listing index, keys only, no further than {@code atMost} and one more. */
  BoundedCount countJobs(int atMost) {
    IndexQuery all = IndexQuery.ascending(schema.jobsById, Attr.s(JobCodec.LISTING_VALUE));
    long counted = pager.count(all, atMost + 1);
    return new BoundedCount(Math.min(counted, atMost), counted > atMost);
  }

  Page<Cluster> clusters(PoolName pool, PageRequest page) {
    IndexQuery byPool = IndexQuery.newestFirst(schema.clustersByPool, Attr.s(pool.value()));
    return pager.page(byPool, page, clusters::decode);
  }

  Page<Cluster> liveClusters(PageRequest page) {
    IndexQuery live = IndexQuery.ascending(schema.liveClusters, Attr.s(ClusterCodec.LIVE_VALUE));
    return pager.page(live, page, clusters::decode);
  }

  Page<JobRun> runs(RunQuery query, PageRequest page) {
    AttributeValue state = query.state().map(s -> Attr.s(s.name())).orElse(null);
    AttributeValue cluster = query.cluster().map(c -> Attr.s(c.value())).orElse(null);
    if (query.job().isPresent()) {
      IndexQuery byJob =
          IndexQuery.newestFirst(schema.runsByJob, Attr.s(query.job().get().value()));
      if (state != null) {
        byJob = byJob.filteredBy("state", state);
      }
      if (cluster != null) {
        byJob = byJob.filteredBy("cluster", cluster);
      }
      return pager.page(byJob, page, codec::decode);
    }
    if (cluster != null) {
      IndexQuery byCluster = IndexQuery.newestFirst(schema.runsByCluster, cluster);
      return pager.page(
          state == null ? byCluster : byCluster.filteredBy("state", state), page, codec::decode);
    }
    if (state != null) {
      return pager.page(IndexQuery.newestFirst(schema.runsByState, state), page, codec::decode);
    }
    List<IndexQuery> shards = new ArrayList<>();
    for (int s = 0; s < Schema.RUN_SHARDS; s++) {
      shards.add(IndexQuery.newestFirst(schema.runsByShard, Attr.s(Integer.toString(s))));
    }
    return merge.page(shards, NEWEST_FIRST, page, codec::decode);
  }

  Page<JobRun> occupying(ClusterId cluster, PageRequest page) {
    return pager.page(
        IndexQuery.newestFirst(schema.runsOccupying, Attr.s(cluster.value())), page, codec::decode);
  }
}
