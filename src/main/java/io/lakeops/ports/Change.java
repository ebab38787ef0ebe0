package io.lakeops.ports;

import java.time.Instant;

/**
 * A record as it stands after a change: what the audit mirror's incremental sync reads. {@code
 * entity} is the domain object ({@code Job}, {@code JobRun} or {@code Cluster}).
 */
public record Change(EntityKind kind, String id, long version, Instant changedAt, Object entity) {}
