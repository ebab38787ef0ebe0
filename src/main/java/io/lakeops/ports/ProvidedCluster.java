package io.lakeops.ports;

import io.lakeops.domain.ClusterState;
import io.lakeops.domain.MarketMix;

/**
 * A cluster as its provider reports it.
 *
 * @param state one of STARTING, READY, TERMINATING, TERMINATED or FAILED
 * @param endpoint where its Livy server answers, once known
 * @param reason the provider's words for the state (for example a spot interruption)
 */
public record ProvidedCluster(
    String providerId, ClusterState state, String endpoint, MarketMix marketMix, String reason) {}
