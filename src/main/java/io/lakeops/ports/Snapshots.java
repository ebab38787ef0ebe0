package io.lakeops.ports;

/** Writes a record as the JSON snapshot the audit log keeps before and after a change. */
public interface Snapshots {
  String of(Object entity);
}
