package io.lakeops.domain;

/** The kind of column an incremental extraction advances on. */
public enum WatermarkKind {
  /** An update or insert timestamp: rows changed later arrive again as new versions. */
  TIMESTAMP,
  /** A strictly increasing id: append-only tables. */
  ID
}
