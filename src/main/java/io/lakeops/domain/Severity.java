package io.lakeops.domain;

/** What a failed data-quality check does to its run. */
public enum Severity {
  WARN,
  FAIL
}
