package io.lakeops.adapters.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lakeops.ports.Page;
import io.lakeops.ports.PageRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads an index whose items are spread over a fixed set of partitions (write sharding) as one
 * sorted list: each shard is read from its own position and the heads are merged. The cursor holds
 * one position per shard: a start key, {@code "done"}, or nothing for "from the beginning".
 */
final class ShardMerge {
  private static final String DONE = "done";

  private final IndexPager pager;

  ShardMerge(IndexPager pager) {
    this.pager = pager;
  }

  /**
   * One page over all {@code shards}, in the order of {@code first} (which must agree with each
   * shard's own order); ties go to the lower shard.
   */
  <T> Page<T> page(
      List<IndexQuery> shards,
      Comparator<Map<String, AttributeValue>> first,
      PageRequest page,
      Function<Map<String, AttributeValue>, T> decode) {
    ObjectNode positions = page.cursor().map(c -> shardPositions(c)).orElse(Cursors.object());
    int count = shards.size();
    List<IndexPager.Batch> batches = new ArrayList<>();
    for (int s = 0; s < count; s++) {
      JsonNode position = positions.get(Integer.toString(s));
      if (position != null && DONE.equals(position.asText(null))) {
        batches.add(null);
      } else {
        Index index = shards.get(s).index();
        batches.add(
            pager.read(
                shards.get(s),
                page.limit(),
                position == null ? null : Cursors.key(position, index)));
      }
    }
    int[] taken = new int[count];
    List<Map<String, AttributeValue>> merged = new ArrayList<>();
    while (merged.size() < page.limit()) {
      int best = -1;
      for (int s = 0; s < count; s++) {
        IndexPager.Batch batch = batches.get(s);
        if (batch != null && taken[s] < batch.items().size()) {
          Map<String, AttributeValue> head = batch.items().get(taken[s]);
          if (best < 0 || first.compare(head, batches.get(best).items().get(taken[best])) < 0) {
            best = s;
          }
        }
      }
      if (best < 0) {
        break;
      }
      merged.add(batches.get(best).items().get(taken[best]++));
    }
    ObjectNode next = Cursors.object();
    boolean more = false;
    for (int s = 0; s < count; s++) {
      String name = Integer.toString(s);
      IndexPager.Batch batch = batches.get(s);
      if (batch == null || (taken[s] == batch.items().size() && batch.next().isEmpty())) {
        next.put(name, DONE);
      } else if (taken[s] == batch.items().size()) {
        next.set(name, Cursors.key(batch.next().get()));
        more = true;
      } else {
        more = true;
        if (taken[s] > 0) {
          Index index = shards.get(s).index();
          next.set(name, Cursors.key(index.keyOf(batch.items().get(taken[s] - 1))));
        } else if (positions.has(name)) {
          next.set(name, positions.get(name));
        }
      }
    }
    List<T> items = merged.stream().map(decode).toList();
    return more
        ? new Page<>(items, java.util.Optional.of(Cursors.encode(Cursors.object().set("s", next))))
        : Page.last(items);
  }

  private static ObjectNode shardPositions(String cursor) {
    JsonNode shards = Cursors.decode(cursor).get("s");
    if (shards instanceof ObjectNode object) {
      return object;
    }
    throw Cursors.invalid();
  }
}
