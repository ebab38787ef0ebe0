package io.lakeops.adapters;

import io.lakeops.adapters.sqs.SqsClients;
import io.lakeops.adapters.sqs.SqsClusterSignals;
import io.lakeops.config.ClustersConfig;
import io.lakeops.config.EmrConfig;
import io.lakeops.ports.ClusterSignals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

/**
 * The cluster signals of this installation: EMR's state-change events from the SQS queue {@code
 * lakeops.clusters.events.sqs-queue-url}, in the clusters' region; none when no queue is named (the
 * embedded default), and then nothing is built.
 */
@ApplicationScoped
class ClusterSignalsProducer {

  /** Asked for only when a queue is configured (the signal task looks first). */
  @Produces
  @ApplicationScoped
  ClusterSignals clusterSignals(ClustersConfig clusters, EmrConfig emr) {
    ClustersConfig.Events events = clusters.events();
    String url =
        events
            .sqsQueueUrl()
            .filter(u -> !u.isBlank())
            .orElseThrow(
                () -> new IllegalStateException("lakeops.clusters.events.sqs-queue-url is empty"));
    return new SqsClusterSignals(
        SqsClients.builder(emr.region(), events.sqsEndpointOverride()).build(),
        url,
        events.receiveWait());
  }

  /** Closes the SQS client. */
  void close(@Disposes ClusterSignals signals) {
    signals.close();
  }
}
