package io.lakeops.adapters.dynamodb;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Writes items the way another writer of the tables would (the case study's Lambda orchestrator):
 * with the low-level client, following the item schema of docs/state-store.md.
 */
final class ExternalWriter {
  private ExternalWriter() {}

  static DynamoDbClient client(URI endpoint) {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y")))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
  }

  /**
   * A streaming job at version 1 writing into {@code page_clicks}, changed at {@code changedAt}.
   */
  static Map<String, AttributeValue> streamingJob(String id, Instant changedAt) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("id", AttributeValue.fromS(id));
    item.put("kind", AttributeValue.fromS("STREAMING"));
    item.put("pool", AttributeValue.fromS("small"));
    item.put(
        "retry",
        AttributeValue.fromM(
            Map.of(
                "maxInfrastructureRetries", AttributeValue.fromN("3"),
                "maxJobRetries", AttributeValue.fromN("1"),
                "initialBackoff", AttributeValue.fromS("PT10S"),
                "maxBackoff", AttributeValue.fromS("PT5M"))));
    item.put(
        "streaming",
        AttributeValue.fromM(
            Map.of(
                "topic", AttributeValue.fromS("clicks"),
                "trigger", AttributeValue.fromS("PT1S"),
                "window", AttributeValue.fromS("PT1M"),
                "watermarkDelay", AttributeValue.fromS("PT30S"),
                "sinkTable", AttributeValue.fromS("page_clicks"))));
    item.put("paused", AttributeValue.fromBool(false));
    item.put("listing", AttributeValue.fromS("jobs"));
    item.put("version", AttributeValue.fromN("1"));
    item.put("changedAt", AttributeValue.fromN(Long.toString(changedAt.toEpochMilli())));
    item.put(
        "changeDay",
        AttributeValue.fromS(changedAt.atZone(ZoneOffset.UTC).toLocalDate().toString()));
    return item;
  }
}
