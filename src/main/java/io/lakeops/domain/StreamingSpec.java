package io.lakeops.domain;

import java.time.Duration;

/**
 * A streaming query from a Kafka topic into PostgreSQL and the lake.
 *
 * @param topic the Kafka topic read
 * @param trigger the micro-batch trigger interval (100 ms to 30 s)
 * @param window the event-time window of the aggregates
 * @param watermarkDelay how late an event may arrive and still count
 * @param sinkTable the PostgreSQL table the aggregates are upserted into
 */
public record StreamingSpec(
    String topic, Duration trigger, Duration window, Duration watermarkDelay, String sinkTable) {}
