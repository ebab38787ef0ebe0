package io.lakeops.adapters.dynamodb;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * One global secondary index: its keys and their types. A page cursor is the key of the last item
 * read, which on a GSI is the table key plus the index keys, so the index knows how to cut it.
 */
record Index(
    String table,
    String name,
    String tableKey,
    String partitionKey,
    ScalarAttributeType partitionType,
    String sortKey,
    ScalarAttributeType sortType) {

  /** The attribute names a start key for this index must have, no more and no fewer. */
  Set<String> keyNames() {
    Set<String> names = new LinkedHashSet<>();
    names.add(tableKey);
    names.add(partitionKey);
    names.add(sortKey);
    return names;
  }

  /** The start key that resumes a query right after {@code item}. */
  Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
    Map<String, AttributeValue> key = new LinkedHashMap<>();
    for (String name : keyNames()) {
      key.put(name, item.get(name));
    }
    return key;
  }
}
