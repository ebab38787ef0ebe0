package io.lakeops.adapters.dynamodb;

import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** How one kind of record maps to an item and back. */
interface ItemCodec<T> {

  /** The record's name in messages: job, run, cluster. */
  String entity();

  String id(T value);

  long version(T value);

  Instant changedAt(T value);

  /** The record as stored at {@code version} and {@code at}. */
  T stamped(T value, long version, Instant at);

  ItemWrite encode(T value);

  T decode(Map<String, AttributeValue> item);
}
