package io.lakeops.adapters.dynamodb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * A query of one partition of an index, in sort-key order, optionally from a lowest and up to a
 * highest sort key, and with equality filters on other attributes (for combined run filters).
 */
record IndexQuery(
    Index index,
    AttributeValue partition,
    boolean ascending,
    AttributeValue sortAtLeast,
    AttributeValue sortAtMost,
    Map<String, AttributeValue> filters) {

  static IndexQuery ascending(Index index, AttributeValue partition) {
    return new IndexQuery(index, partition, true, null, null, Map.of());
  }

  static IndexQuery newestFirst(Index index, AttributeValue partition) {
    return new IndexQuery(index, partition, false, null, null, Map.of());
  }

  IndexQuery from(AttributeValue lowestSortKey) {
    return new IndexQuery(index, partition, ascending, lowestSortKey, sortAtMost, filters);
  }

  IndexQuery upTo(AttributeValue highestSortKey) {
    return new IndexQuery(index, partition, ascending, sortAtLeast, highestSortKey, filters);
  }

  IndexQuery filteredBy(String attribute, AttributeValue value) {
    Map<String, AttributeValue> more = new LinkedHashMap<>(filters);
    more.put(attribute, value);
    return new IndexQuery(index, partition, ascending, sortAtLeast, sortAtMost, more);
  }

  boolean isFiltered() {
    return !filters.isEmpty();
  }

  QueryRequest request(Map<String, AttributeValue> startKey, int limit) {
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    names.put("#p", index.partitionKey());
    values.put(":p", partition);
    String keyCondition = "#p = :p";
    if (sortAtLeast != null || sortAtMost != null) {
      names.put("#s", index.sortKey());
    }
    // A key condition allows one comparison on the sort key, so both bounds make a BETWEEN.
    if (sortAtLeast != null && sortAtMost != null) {
      values.put(":s", sortAtLeast);
      values.put(":u", sortAtMost);
      keyCondition += " AND #s BETWEEN :s AND :u";
    } else if (sortAtLeast != null) {
      values.put(":s", sortAtLeast);
      keyCondition += " AND #s >= :s";
    } else if (sortAtMost != null) {
      values.put(":u", sortAtMost);
      keyCondition += " AND #s <= :u";
    }
    List<String> conditions = new ArrayList<>();
    int i = 0;
    for (Map.Entry<String, AttributeValue> filter : filters.entrySet()) {
      names.put("#f" + i, filter.getKey());
      values.put(":f" + i, filter.getValue());
      conditions.add("#f" + i + " = :f" + i);
      i++;
    }
    QueryRequest.Builder request =
        QueryRequest.builder()
            .tableName(index.table())
            .indexName(index.name())
            .keyConditionExpression(keyCondition)
            .expressionAttributeNames(names)
            .expressionAttributeValues(values)
            .scanIndexForward(ascending)
            .limit(limit);
    if (!conditions.isEmpty()) {
      request.filterExpression(String.join(" AND ", conditions));
    }
    if (startKey != null) {
      request.exclusiveStartKey(startKey);
    }
    return request.build();
  }
}
