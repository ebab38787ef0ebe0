package io.lakeops.ports;

import java.time.Instant;

/**
 * A cluster's health figures as its provider's monitoring last reported them (for EMR, CloudWatch's
 * {@code AWS/ElasticMapReduce} metrics, every five minutes). A figure the monitoring has not
 * reported is null.
 *
 * @param at when the newest of these figures was measured
 * @param idle whether the cluster ran no work through the last period ({@code IsIdle})
 * @param yarnMemoryAvailablePercent YARN memory still free ({@code YARNMemoryAvailablePercentage})
 * @param containersPending YARN containers waiting for room ({@code ContainerPending})
 * @param unhealthyNodes nodes YARN reports unhealthy ({@code MRUnhealthyNodes})
 */
public record ClusterFigures(
    Instant at,
    Boolean idle,
    Double yarnMemoryAvailablePercent,
    Long containersPending,
    Long unhealthyNodes) {}
