package io.lakeops.adapters.dynamodb;

import io.lakeops.domain.JobId;
import io.lakeops.ports.ScheduleEntry;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Due-index entries as items of the schedule table. */
final class ScheduleCodec implements ItemCodec<ScheduleEntry> {

  @Override
  public String entity() {
    return "schedule entry";
  }

  @Override
  public String id(ScheduleEntry value) {
    return value.job().value();
  }

  @Override
  public long version(ScheduleEntry value) {
    return value.version();
  }

  @Override
  public Instant changedAt(ScheduleEntry value) {
    return value.updatedAt();
  }

  @Override
  public ScheduleEntry stamped(ScheduleEntry value, long version, Instant at) {
    return value.stored(version, at);
  }

  /**
   * {@code nextDueAt} is absent while parked, which takes the item out of the sparse due index. The
   * shard only spreads writes; readers merge all shards, so any value in range is right.
   */
  @Override
  public ItemWrite encode(ScheduleEntry entry) {
    return new ItemWrite()
        .string(Schema.ID, entry.job().value())
        .string(Schema.DUE_SHARD, shardOf(entry.job()))
        .time(Schema.NEXT_DUE_AT, entry.nextDueAt())
        .time("lastScheduledFor", entry.lastScheduledFor())
        .string("watermark", entry.watermark().isEmpty() ? null : entry.watermark())
        .string("alert", entry.alert())
        .stamped(entry.version(), entry.updatedAt());
  }

  @Override
  public ScheduleEntry decode(Map<String, AttributeValue> item) {
    return new ScheduleEntry(
        new JobId(Attr.string(item, Schema.ID)),
        Attr.instant(item, Schema.NEXT_DUE_AT),
        Attr.instant(item, "lastScheduledFor"),
        Attr.optionalString(item, "watermark"),
        Attr.optionalString(item, "alert"),
        Attr.number(item, Schema.VERSION),
        Attr.instant(item, Schema.CHANGED_AT));
  }

  /** String.hashCode is fixed by the language specification, so every replica agrees. */
  static String shardOf(JobId job) {
    return Integer.toString(Math.floorMod(job.value().hashCode(), Schema.DUE_SHARDS));
  }
}
