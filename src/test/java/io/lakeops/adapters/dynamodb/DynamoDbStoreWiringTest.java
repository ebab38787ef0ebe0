package io.lakeops.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakeops.ports.StateStore;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** With {@code lakeops.store.type=dynamodb} the console runs on DynamoDB (here dynalite). */
@QuarkusTest
@QuarkusTestResource(value = DynaliteTestResource.class, restrictToAnnotatedClass = true)
class DynamoDbStoreWiringTest {

  @Inject StateStore store;

  @Test
  void theConsoleKeepsItsStateInDynamoDb() {
    assertThat(ClientProxy.unwrap(store)).isInstanceOf(DynamoDbStateStore.class);
    assertThat(store.isReachable()).isTrue();
  }
}
