package io.lakeops.adapters.dynamodb;

import static io.lakeops.adapters.dynamodb.Attr.optionalString;
import static io.lakeops.adapters.dynamodb.Attr.string;

import io.lakeops.domain.ExtractionSpec;
import io.lakeops.domain.Job;
import io.lakeops.domain.JobId;
import io.lakeops.domain.JobKind;
import io.lakeops.domain.PoolName;
import io.lakeops.domain.RetryPolicy;
import io.lakeops.domain.Schedule;
import io.lakeops.domain.StreamingSpec;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Jobs as items of the jobs table. */
final class JobCodec implements ItemCodec<Job> {
  /** The one partition of the jobs-by-id index: jobs are few, so one partition holds them all. */
  static final String LISTING_VALUE = "jobs";

  @Override
  public String entity() {
    return "job";
  }

  @Override
  public String id(Job value) {
    return value.id().value();
  }

  @Override
  public long version(Job value) {
    return value.version();
  }

  @Override
  public Instant changedAt(Job value) {
    return value.updatedAt();
  }

  @Override
  public Job stamped(Job value, long version, Instant at) {
    return value.stored(version, at);
  }

  @Override
  public ItemWrite encode(Job job) {
    return new ItemWrite()
        .string(Schema.ID, job.id().value())
        .string("description", job.description())
        .string("kind", job.kind().name())
        .string("pool", job.pool().value())
        .string("schedule", job.schedule() == null ? null : job.schedule().expression())
        .nested("retry", job.retry())
        .nested("extraction", job.extraction())
        .nested("streaming", job.streaming())
        .bool("paused", job.paused())
        .string(Schema.LISTING, LISTING_VALUE)
        .stamped(job.version(), job.updatedAt());
  }

  @Override
  public Job decode(Map<String, AttributeValue> item) {
    String schedule = optionalString(item, "schedule");
    return new Job(
        new JobId(string(item, Schema.ID)),
        optionalString(item, "description"),
        JobKind.valueOf(string(item, "kind")),
        new PoolName(string(item, "pool")),
        schedule == null ? null : Schedule.parse(schedule),
        NestedValues.fromAttribute(item.get("retry"), RetryPolicy.class),
        NestedValues.fromAttribute(item.get("extraction"), ExtractionSpec.class),
        NestedValues.fromAttribute(item.get("streaming"), StreamingSpec.class),
        Attr.bool(item, "paused"),
        Attr.number(item, Schema.VERSION),
        Attr.instant(item, Schema.CHANGED_AT));
  }
}
