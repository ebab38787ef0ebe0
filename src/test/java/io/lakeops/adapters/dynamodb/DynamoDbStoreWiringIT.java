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
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

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
    try (DynamoDbClient lambda = ExternalWriter.client(endpoint)) {
      lambda.putItem(
          r ->
              r.tableName(prefix + "jobs")
                  .item(ExternalWriter.streamingJob("lambda-written", now)));
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
