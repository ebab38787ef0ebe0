package io.lakeops.adapters.dynamodb;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The attributes the store owns on one item: those with a value, and those that are now absent and
 * must be removed. An update sets and removes exactly these, so attributes an external writer added
 * for its own use survive the console's writes.
 */
final class ItemWrite {
  private final Map<String, AttributeValue> values = new LinkedHashMap<>();
  private final Set<String> absent = new LinkedHashSet<>();
  private final Set<String> keptIfPresent = new LinkedHashSet<>();

  ItemWrite string(String name, String value) {
    return put(name, value == null ? null : Attr.s(value));
  }

  ItemWrite number(String name, long value) {
    return put(name, Attr.n(value));
  }

  ItemWrite bool(String name, boolean value) {
    return put(name, AttributeValue.fromBool(value));
  }

  ItemWrite time(String name, Instant value) {
    return put(name, value == null ? null : Attr.millis(value));
  }

  ItemWrite nested(String name, Object value) {
    return put(name, value == null ? null : NestedValues.toAttribute(value));
  }

  /** An attribute written on create but left as it is by updates (see the all-runs shards). */
  ItemWrite keptIfPresent(String name, AttributeValue value) {
    keptIfPresent.add(name);
    return put(name, value);
  }

  /** The version and change time every writer maintains, and the change-feed day bucket. */
  ItemWrite stamped(long version, Instant changedAt) {
    number(Schema.VERSION, version);
    time(Schema.CHANGED_AT, changedAt);
    return string(Schema.CHANGE_DAY, Attr.day(changedAt));
  }

  private ItemWrite put(String name, AttributeValue value) {
    if (value == null) {
      values.remove(name);
      absent.add(name);
    } else {
      absent.remove(name);
      values.put(name, value);
    }
    return this;
  }

  Map<String, AttributeValue> item() {
    return Collections.unmodifiableMap(values);
  }

  Set<String> absent() {
    return Collections.unmodifiableSet(absent);
  }

  boolean isKeptIfPresent(String name) {
    return keptIfPresent.contains(name);
  }
}
