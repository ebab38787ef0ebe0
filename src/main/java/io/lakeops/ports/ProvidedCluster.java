package io.lakeops.ports;

import io.lakeops.domain.ClusterState;
import io.lakeops.domain.MarketMix;
import java.time.Instant;

/**
 * A cluster as its provider reports it.
 *
 * @param state one of STARTING, READY, TERMINATING, TERMINATED or FAILED
 * @param endpoint where its Livy server answers, once known
 * @param reason the provider's words for the state (for example a spot interruption)
 * @param endedAt when the provider says the cluster ended (EMR: the timeline's end time); null
 *     while it lives, or when the provider does not say
 */
public record ProvidedCluster(
    String providerId,
    ClusterState state,
    String endpoint,
    MarketMix marketMix,
    String reason,
    Instant endedAt) {

  /** A report without an end time. */
  public ProvidedCluster(
      String providerId, ClusterState state, String endpoint, MarketMix marketMix, String reason) {
    this(providerId, state, endpoint, marketMix, reason, null);
  }
}
