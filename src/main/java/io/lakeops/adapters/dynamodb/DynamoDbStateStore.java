package io.lakeops.adapters.dynamodb;

import io.lakeops.config.StoreConfig;
import io.lakeops.ports.StateStore;
import java.time.Clock;

/** The state store on DynamoDB (being written: see issue 2). */
public abstract class DynamoDbStateStore implements StateStore, AutoCloseable {

  public static DynamoDbStateStore connect(StoreConfig.DynamoDb config, Clock clock) {
    throw new UnsupportedOperationException("the DynamoDB state store is not written yet");
  }
}
