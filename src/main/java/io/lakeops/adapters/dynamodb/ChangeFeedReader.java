package io.lakeops.adapters.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lakeops.ports.Change;
import io.lakeops.ports.EntityKind;
import io.lakeops.ports.Page;
import io.lakeops.ports.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The change feed: every table has an index keyed by the UTC day of the change ({@code changeDay})
 * and sorted by its time ({@code changedAt}), so "changed since T" queries the day buckets from T's
 * day to today, oldest first, instead of scanning the table. A record shows up once, at its latest
 * change, because the index holds items, not events.
 */
final class ChangeFeedReader {
  /**
   * Day buckets read for one page at most. A moment long ago costs one query per day; capping it
   * keeps each call short, and the cursor carries on where the walk stopped.
   */
  static final int MAX_BUCKETS_PER_PAGE = 92;

  private final IndexPager pager;
  private final Clock clock;

  ChangeFeedReader(IndexPager pager, Clock clock) {
    this.pager = pager;
    this.clock = clock;
  }

  <T> Page<Change> page(
      EntityKind kind, Index index, ItemCodec<T> codec, Instant since, PageRequest page) {
    ObjectNode cursor = page.cursor().map(Cursors::decode).orElse(null);
    LocalDate day = cursor == null ? LocalDate.parse(Attr.day(since)) : day(cursor.get("d"));
    Map<String, AttributeValue> start =
        cursor == null || !cursor.has("k") ? null : Cursors.key(cursor.get("k"), index);
    // One day past today: a writer whose clock runs a little ahead is not missed near midnight.
    LocalDate lastDay = LocalDate.parse(Attr.day(clock.instant())).plusDays(1);
    AttributeValue from = Attr.n(ceilMillis(since));
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (int buckets = 0; !day.isAfter(lastDay); buckets++) {
      if (buckets == MAX_BUCKETS_PER_PAGE) {
        return page(items, codec, kind, position(day, null));
      }
      IndexQuery query = IndexQuery.ascending(index, Attr.s(day.toString())).from(from);
      IndexPager.Batch batch = pager.read(query, page.limit() - items.size(), start);
      items.addAll(batch.items());
      if (batch.next().isPresent()) {
        return page(items, codec, kind, position(day, batch.next().get()));
      }
      day = day.plusDays(1);
      start = null;
      if (items.size() == page.limit()) {
        return page(items, codec, kind, day.isAfter(lastDay) ? null : position(day, null));
      }
    }
    return page(items, codec, kind, null);
  }

  private static <T> Page<Change> page(
      List<Map<String, AttributeValue>> items,
      ItemCodec<T> codec,
      EntityKind kind,
      ObjectNode next) {
    List<Change> changes = new ArrayList<>();
    for (Map<String, AttributeValue> item : items) {
      T entity = codec.decode(item);
      changes.add(
          new Change(
              kind, codec.id(entity), codec.version(entity), codec.changedAt(entity), entity));
    }
    return new Page<>(changes, Optional.ofNullable(next).map(Cursors::encode));
  }

  private static ObjectNode position(LocalDate day, Map<String, AttributeValue> key) {
    ObjectNode position = Cursors.object().put("d", day.toString());
    if (key != null) {
      position.set("k", Cursors.key(key));
    }
    return position;
  }

  private static LocalDate day(JsonNode node) {
    try {
      return LocalDate.parse(node == null ? "" : node.asText());
    } catch (DateTimeParseException e) {
      throw Cursors.invalid();
    }
  }

  /** Changes are kept in milliseconds: one at 12:00:00.000 is not "at or after" 12:00:00.0005. */
  private static long ceilMillis(Instant since) {
    long millis = since.toEpochMilli();
    return since.truncatedTo(ChronoUnit.MILLIS).equals(since) ? millis : millis + 1;
  }
}
