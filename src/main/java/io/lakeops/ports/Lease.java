package io.lakeops.ports;

import java.time.Instant;

/** A named lease held by one console replica until it expires, for leader-only work. */
public record Lease(String name, String holder, Instant expiresAt) {}
