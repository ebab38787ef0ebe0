package io.lakeops.adapters.dynamodb;

import io.lakeops.ports.Page;
import io.lakeops.ports.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Reads pages from one index partition. The position after a page is the key of the last item
 * handed out (not DynamoDB's LastEvaluatedKey), so a page can stop in the middle of a response and
 * never holds more than asked for.
 */
final class IndexPager {
  /** Items evaluated per request when a filter may drop many of them. */
  private static final int FILTERED_BATCH = 100;

  private final DynamoDbClient client;

  IndexPager(DynamoDbClient client) {
    this.client = client;
  }

  <T> Page<T> page(
      IndexQuery query, PageRequest page, Function<Map<String, AttributeValue>, T> decode) {
    Map<String, AttributeValue> start =
        page.cursor().map(c -> Cursors.key(Cursors.decode(c).get("k"), query.index())).orElse(null);
    if (start != null && !query.partition().equals(start.get(query.index().partitionKey()))) {
      throw Cursors.invalid(); // a cursor of another listing, say of another job's runs
    }
    Batch batch = read(query, page.limit(), start);
    return new Page<>(
        batch.items().stream().map(decode).toList(),
        batch.next().map(key -> Cursors.encode(Cursors.object().set("k", Cursors.key(key)))));
  }

  /**
   * Up to {@code limit} items after {@code start}; {@code next} is where to go on, empty when the
   * partition is exhausted. One item more than needed is asked for, so that a full last page is
   * recognised as last without a further, empty page.
   */
  Batch read(IndexQuery query, int limit, Map<String, AttributeValue> start) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    Map<String, AttributeValue> from = start;
    while (true) {
      int wanted = limit - items.size() + 1;
      QueryResponse response =
          client.query(
              query.request(from, query.isFiltered() ? Math.max(wanted, FILTERED_BATCH) : wanted));
      for (Map<String, AttributeValue> item : response.items()) {
        if (items.size() == limit) {
          return new Batch(items, Optional.of(query.index().keyOf(items.get(limit - 1))));
        }
        items.add(item);
      }
      if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
        return new Batch(items, Optional.empty());
      }
      from = response.lastEvaluatedKey();
      if (items.size() == limit) {
        return new Batch(items, Optional.of(query.index().keyOf(items.get(limit - 1))));
      }
    }
  }

  /** How many items the partition holds, counting no further than about {@code atMost}. */
  long count(IndexQuery query, int atMost) {
    long counted = 0;
    Map<String, AttributeValue> from = null;
    while (counted < atMost) {
      QueryResponse response =
          client.query(
              query.request(from, (int) (atMost - counted)).toBuilder()
                  .select(Select.COUNT)
                  .build());
      counted += response.count();
      if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
        break;
      }
      from = response.lastEvaluatedKey();
    }
    return counted;
  }

  /** Items read and the start key that follows them, if the partition may hold more. */
  record Batch(
      List<Map<String, AttributeValue>> items, Optional<Map<String, AttributeValue>> next) {}
}
