package io.lakeops.adapters.sqs;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * Builds the SQS client: the SDK's default credential and region chains unless configured, and the
 * same HTTP client as DynamoDB and EMR. The HTTP client's read timeout must outlast the long poll.
 */
public final class SqsClients {
  private SqsClients() {}

  /** A builder with everything but credentials settled; tests add fixed credentials. */
  public static SqsClientBuilder builder(Optional<String> region, Optional<URI> endpoint) {
    SqsClientBuilder builder =
        SqsClient.builder()
            .httpClientBuilder(
                UrlConnectionHttpClient.builder().socketTimeout(java.time.Duration.ofSeconds(30)));
    region.map(Region::of).ifPresent(builder::region);
    endpoint.ifPresent(builder::endpointOverride);
    return builder;
  }
}
