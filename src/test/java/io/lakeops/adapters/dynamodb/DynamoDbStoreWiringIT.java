package io.lakeops.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lakeops.ports.AuditEntry;
import io.lakeops.ports.AuditLog;
import io.lakeops.ports.EntityKind;
import io.lakeops.ports.StateStore;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * With {@code lakeops.store.type=dynamodb} the console runs on DynamoDB (here dynalite), and a
 * write made straight into its tables, as the case study's Lambda orchestrator would, reaches the
 * audit mirror.
 */
@QuarkusTest
@QuarkusTestResource(value = DynaliteTestResource.class, restrictToAnnotatedClass = true)
class DynamoDbStoreWiringIT {

  @Inject StateStore store;
  @Inject AuditLog audit;
  @Inject Clock clock;

  @Test
  void theConsoleKeepsItsStateInDynamoDb() {
    assertThat(ClientProxy.unwrap(store)).isInstanceOf(DynamoDbStateStore.class);
    assertThat(store.isReachable()).isTrue();
  }

  @Test
  void aWriteMadeBehindTheConsolesBackAppearsInTheAuditMirror() {
    // Read here, not injected: the test class is a bean of every test application.
    URI endpoint =
        ConfigProvider.getConfig().getValue("lakeops.store.dynamodb.endpoint-override", URI.class);
    String prefix =
        ConfigProvider.getConfig().getValue("lakeops.store.dynamodb.table-prefix", String.class);
    Instant now = clock.instant();
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("id", AttributeValue.fromS("lambda-written"));
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
    item.put("changedAt", AttributeValue.fromN(Long.toString(now.toEpochMilli())));
    item.put(
        "changeDay", AttributeValue.fromS(now.atZone(ZoneOffset.UTC).toLocalDate().toString()));
    try (DynamoDbClient lambda =
        DynamoDbClient.builder()
            .endpointOverride(endpoint)
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y")))
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .build()) {
      lambda.putItem(r -> r.tableName(prefix + "jobs").item(item));
    }

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(audit.latest(EntityKind.JOB, "lambda-written"))
                    .hasValueSatisfying(
                        e -> {
                          assertThat(e.actor()).isEqualTo(AuditEntry.EXTERNAL);
                          assertThat(e.version()).isEqualTo(1);
                          assertThat(e.after()).contains("page_clicks");
                        }));
  }
}
