package io.lakeops.jobs.streaming;

import java.time.Instant;

/**
 * What one micro-batch adds to one window of one page: counts to add to the stored ones, and the
 * sketch of the batch's users there, to merge with the stored sketch ({@link UserSketches}).
 */
record WindowCounts(
    Instant windowStart,
    Instant windowEnd,
    String page,
    long events,
    long pageViews,
    long clicks,
    byte[] usersSketch,
    Instant lastEventTime) {}
