package io.lakeops.adapters.dynamodb;

import io.lakeops.ports.AlreadyExistsException;
import io.lakeops.ports.NotFoundException;
import io.lakeops.ports.RunStore.Created;
import io.lakeops.ports.VersionConflictException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Versioned records of one table, changed only by single-item conditional writes: a create needs
 * the id to be free, an update or delete needs the stored version to be the one the writer read.
 * That is the whole concurrency story, since transactions do not exist on every DynamoDB-compatible
 * server and are not needed for one record at a time.
 */
final class VersionedTable<T> {
  private final DynamoDbClient client;
  private final String table;
  private final ItemCodec<T> codec;
  private final Clock clock;

  VersionedTable(DynamoDbClient client, String table, ItemCodec<T> codec, Clock clock) {
    this.client = client;
    this.table = table;
    this.codec = codec;
    this.clock = clock;
  }

  T create(T value) {
    return createIfAbsent(value)
        .filter(Created::created)
        .map(Created::value)
        .orElseThrow(() -> new AlreadyExistsException(codec.entity(), codec.id(value)));
  }

  /** Creates at version 1, or finds the record that holds the id; empty if it vanished between. */
  Optional<Created<T>> createIfAbsent(T value) {
    ItemWrite write = codec.encode(codec.stamped(value, 1, now()));
    try {
      client.putItem(
          r ->
              r.tableName(table)
                  .item(write.item())
                  .conditionExpression("attribute_not_exists(#id)")
                  .expressionAttributeNames(Map.of("#id", Schema.ID)));
      return Optional.of(new Created<>(codec.decode(write.item()), true));
    } catch (ConditionalCheckFailedException taken) {
      return find(codec.id(value)).map(existing -> new Created<>(existing, false));
    }
  }

  /** A strongly consistent read, so a writer sees its own and others' committed writes. */
  Optional<T> find(String id) {
    return read(id).map(codec::decode);
  }

  /**
   * Replaces the attributes the store owns, at the next version. Sets and removes attribute by
   * attribute rather than putting the whole item, so attributes it does not know are kept.
   */
  T update(T value) {
    long expected = codec.version(value);
    ItemWrite write = codec.encode(codec.stamped(value, expected + 1, now()));
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    List<String> sets = new ArrayList<>();
    int i = 0;
    for (Map.Entry<String, AttributeValue> attribute : write.item().entrySet()) {
      if (attribute.getKey().equals(Schema.ID)) {
        continue; // a key attribute cannot be updated
      }
      String name = "#a" + i;
      String placeholder = ":a" + i++;
      names.put(name, attribute.getKey());
      values.put(placeholder, attribute.getValue());
      sets.add(
          write.isKeptIfPresent(attribute.getKey())
              ? name + " = if_not_exists(" + name + ", " + placeholder + ")"
              : name + " = " + placeholder);
    }
    List<String> removes = new ArrayList<>();
    for (String absent : write.absent()) {
      String name = "#a" + i++;
      names.put(name, absent);
      removes.add(name);
    }
    names.put("#version", Schema.VERSION);
    values.put(":expected", Attr.n(expected));
    String expression =
        "SET "
            + String.join(", ", sets)
            + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes));
    try {
      client.updateItem(
          r ->
              r.tableName(table)
                  .key(key(codec.id(value)))
                  .updateExpression(expression)
                  .conditionExpression("#version = :expected")
                  .expressionAttributeNames(names)
                  .expressionAttributeValues(values));
    } catch (ConditionalCheckFailedException lost) {
      throw conflictOrMissing(codec.id(value), expected);
    }
    return codec.decode(write.item());
  }

  void delete(String id, long expectedVersion) {
    try {
      client.deleteItem(
          r ->
              r.tableName(table)
                  .key(key(id))
                  .conditionExpression("#version = :expected")
                  .expressionAttributeNames(Map.of("#version", Schema.VERSION))
                  .expressionAttributeValues(Map.of(":expected", Attr.n(expectedVersion))));
    } catch (ConditionalCheckFailedException lost) {
      throw conflictOrMissing(id, expectedVersion);
    }
  }

  /**
   * Why a conditional write failed. A consistent read tells a stale version from a missing record;
   * {@code ReturnValuesOnConditionCheckFailure} would save the read, but dynalite lacks it.
   */
  private RuntimeException conflictOrMissing(String id, long expectedVersion) {
    return read(id).isPresent()
        ? new VersionConflictException(codec.entity(), id, expectedVersion)
        : new NotFoundException(codec.entity(), id);
  }

  private Optional<Map<String, AttributeValue>> read(String id) {
    var response = client.getItem(r -> r.tableName(table).key(key(id)).consistentRead(true));
    return response.hasItem() && !response.item().isEmpty()
        ? Optional.of(response.item())
        : Optional.empty();
  }

  private static Map<String, AttributeValue> key(String id) {
    return Map.of(Schema.ID, Attr.s(id));
  }

  /** Milliseconds: what the item keeps, so a returned record equals the one read back later. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
