package io.lakeops.jobs.extraction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The difference between the last accepted schema and the one read now. Added columns are harmless
 * for readers of Parquet (older batches read them as null) and are kept; a dropped or retyped
 * column breaks readers and downstream joins, so it fails the run until someone accepts the new
 * schema. Column names compare case-insensitively, as MySQL's do.
 */
public record SchemaChange(List<String> added, List<String> dropped, List<Retyped> retyped) {

  /** A column whose Spark type changed. */
  public record Retyped(String column, String from, String to) {}

  public static final SchemaChange NONE = new SchemaChange(List.of(), List.of(), List.of());

  public static SchemaChange between(SchemaFingerprint accepted, SchemaFingerprint current) {
    Map<String, SchemaFingerprint.Column> before = byName(accepted);
    Map<String, SchemaFingerprint.Column> now = byName(current);
    List<String> added = new ArrayList<>();
    List<String> dropped = new ArrayList<>();
    List<Retyped> retyped = new ArrayList<>();
    now.forEach(
        (key, column) -> {
          SchemaFingerprint.Column old = before.get(key);
          if (old == null) {
            added.add(column.name());
          } else if (!old.type().equals(column.type())) {
            retyped.add(new Retyped(column.name(), old.type(), column.type()));
          }
        });
    before.forEach(
        (key, column) -> {
          if (!now.containsKey(key)) {
            dropped.add(column.name());
          }
        });
    return new SchemaChange(List.copyOf(added), List.copyOf(dropped), List.copyOf(retyped));
  }

  public boolean changed() {
    return !added.isEmpty() || !dropped.isEmpty() || !retyped.isEmpty();
  }

  /** Dropped or retyped columns: the run must not publish its batch. */
  public boolean breaking() {
    return !dropped.isEmpty() || !retyped.isEmpty();
  }

  /** A one-line description naming every changed column, for the manifest and the exit message. */
  public String describe() {
    if (!changed()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    if (!dropped.isEmpty()) {
      parts.add("dropped columns " + dropped);
    }
    for (Retyped r : retyped) {
      parts.add("column " + r.column() + " retyped from " + r.from() + " to " + r.to());
    }
    if (!added.isEmpty()) {
      parts.add("added columns " + added);
    }
    return String.join("; ", parts);
  }

  private static Map<String, SchemaFingerprint.Column> byName(SchemaFingerprint fingerprint) {
    Map<String, SchemaFingerprint.Column> map = new LinkedHashMap<>();
    for (SchemaFingerprint.Column c : fingerprint.columns()) {
      map.put(c.name().toLowerCase(Locale.ROOT), c);
    }
    return map;
  }
}
