package io.lakeops.adapters.emr;

import io.lakeops.config.EmrConfig;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.emr.EmrClient;
import software.amazon.awssdk.services.emr.EmrClientBuilder;

/**
 * Builds the EMR client: the SDK's default credential and region chains unless configured, the same
 * HTTP client as DynamoDB, and the SDK's standard retry strategy for throttling and EMR's own
 * failures. EMR's API limits are low and account-wide, so throttling is expected, not exceptional;
 * the SDK already backs off with jitter and keeps a retry quota, which is not hand-rolled here.
 */
final class EmrClients {
  private EmrClients() {}

  /** A builder with everything but credentials settled; tests add fixed credentials. */
  static EmrClientBuilder builder(EmrConfig config) {
    EmrClientBuilder builder =
        EmrClient.builder()
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .overrideConfiguration(o -> o.retryStrategy(retryStrategy(config)));
    config.region().map(Region::of).ifPresent(builder::region);
    config.endpointOverride().ifPresent(builder::endpointOverride);
    return builder;
  }

  static RetryStrategy retryStrategy(EmrConfig config) {
    BackoffStrategy backoff =
        BackoffStrategy.exponentialDelay(config.backoffBase(), config.backoffMax());
    return AwsRetryStrategy.standardRetryStrategy().toBuilder()
        .maxAttempts(config.throttlingRetries() + 1)
        .backoffStrategy(backoff)
        .throttlingBackoffStrategy(backoff)
        .build();
  }
}
