package io.lakeops.adapters.dynamodb;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reading and writing native attribute values. Times are epoch milliseconds (N) so that external
 * writers in any language produce the same sortable values.
 */
final class Attr {
  private Attr() {}

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  static AttributeValue millis(Instant value) {
    return n(value.toEpochMilli());
  }

  /** The change-feed bucket of a moment: its UTC day, {@code yyyy-MM-dd}. */
  static String day(Instant value) {
    return LocalDate.ofInstant(value, ZoneOffset.UTC).toString();
  }

  static String string(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    if (value == null || value.s() == null) {
      throw new IllegalStateException("item " + item.get(Schema.ID) + " has no string " + name);
    }
    return value.s();
  }

  static String optionalString(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }

  static long number(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    if (value == null || value.n() == null) {
      throw new IllegalStateException("item " + item.get(Schema.ID) + " has no number " + name);
    }
    return Long.parseLong(value.n());
  }

  static int integer(Map<String, AttributeValue> item, String name, int absent) {
    AttributeValue value = item.get(name);
    return value == null || value.n() == null ? absent : Integer.parseInt(value.n());
  }

  static boolean bool(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value != null && Boolean.TRUE.equals(value.bool());
  }

  static Instant instant(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || value.n() == null
        ? null
        : Instant.ofEpochMilli(Long.parseLong(value.n()));
  }
}
