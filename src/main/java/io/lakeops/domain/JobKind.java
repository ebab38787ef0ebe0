package io.lakeops.domain;

/** What a job does: a scheduled batch extraction, or a streaming query that is kept running. */
public enum JobKind {
  EXTRACTION,
  STREAMING
}
