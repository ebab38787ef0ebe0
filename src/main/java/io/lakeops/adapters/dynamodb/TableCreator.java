package io.lakeops.adapters.dynamodb;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Creates missing tables at start, for local servers and tests; production tables come from
 * infrastructure code. Waits for the indexes too: the SDK's waiter only looks at the table status.
 */
final class TableCreator {
  private static final Logger LOG = Logger.getLogger(TableCreator.class);
  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  private final DynamoDbClient client;

  TableCreator(DynamoDbClient client) {
    this.client = client;
  }

  void createMissing(List<CreateTableRequest> tables) {
    for (CreateTableRequest table : tables) {
      if (describe(table.tableName()) == null) {
        try {
          client.createTable(table);
          LOG.infof("Created DynamoDB table %s", table.tableName());
        } catch (ResourceInUseException raced) {
          // Another replica created it at the same moment: as good as ours.
        }
      }
    }
    for (CreateTableRequest table : tables) {
      awaitActive(table.tableName());
    }
  }

  private void awaitActive(String name) {
    Instant deadline = Instant.now().plus(TIMEOUT);
    while (!isActive(describe(name))) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("DynamoDB table " + name + " did not become active");
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for table " + name, e);
      }
    }
  }

  private static boolean isActive(TableDescription table) {
    return table != null
        && table.tableStatus() == TableStatus.ACTIVE
        && table.globalSecondaryIndexes().stream()
            .allMatch(index -> index.indexStatus() == IndexStatus.ACTIVE);
  }

  private TableDescription describe(String name) {
    try {
      return client.describeTable(r -> r.tableName(name)).table();
    } catch (ResourceNotFoundException missing) {
      return null;
    }
  }
}
