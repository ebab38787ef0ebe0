package io.lakeops.adapters.dynamodb;

import io.lakeops.domain.JobId;
import io.lakeops.ports.Page;
import io.lakeops.ports.PageRequest;
import io.lakeops.ports.ScheduleEntry;
import io.lakeops.ports.ScheduleStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The due index on DynamoDB: table {@code <prefix>schedule}, with the sparse index {@code due}
 * ({@code dueShard} / {@code nextDueAt}). A tick queries each shard for {@code nextDueAt <= now}
 * and merges them, earliest first: a handful of queries, however many jobs are not due.
 */
final class DynamoDbScheduleStore implements ScheduleStore {
  private static final Comparator<Map<String, AttributeValue>> EARLIEST_FIRST =
      Comparator.comparingLong(item -> Attr.number(item, Schema.NEXT_DUE_AT));

  private final Schema schema;
  private final ScheduleCodec codec = new ScheduleCodec();
  private final VersionedTable<ScheduleEntry> entries;
  private final ShardMerge merge;

  DynamoDbScheduleStore(DynamoDbClient client, Schema schema, Clock clock) {
    this.schema = schema;
    this.entries = new VersionedTable<>(client, schema.schedule, codec, clock);
    this.merge = new ShardMerge(new IndexPager(client));
  }

  @Override
  public Page<ScheduleEntry> findDue(Instant now, PageRequest page) {
    List<IndexQuery> shards = new ArrayList<>();
    for (int s = 0; s < Schema.DUE_SHARDS; s++) {
      shards.add(
          IndexQuery.ascending(schema.due, Attr.s(Integer.toString(s))).upTo(Attr.millis(now)));
    }
    return merge.page(shards, EARLIEST_FIRST, page, codec::decode);
  }

  @Override
  public Optional<ScheduleEntry> findEntry(JobId job) {
    return entries.find(job.value());
  }

  @Override
  public ScheduleEntry createEntry(ScheduleEntry entry) {
    return entries.create(entry);
  }

  @Override
  public ScheduleEntry updateEntry(ScheduleEntry entry) {
    return entries.update(entry);
  }

  @Override
  public void deleteEntry(JobId job, long expectedVersion) {
    entries.delete(job.value(), expectedVersion);
  }
}
