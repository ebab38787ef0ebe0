package io.lakeops.domain;

/** A pool of clusters of one size class, which jobs name to say where they run. */
public record Pool(PoolName name, SizeClass size, String description) {}
