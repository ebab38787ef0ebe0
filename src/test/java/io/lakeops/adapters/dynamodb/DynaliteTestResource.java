package io.lakeops.adapters.dynamodb;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Runs a Quarkus test against DynamoDB on dynalite: starts a server on a free port and points the
 * state store at it, with tables created at start. No credentials are configured: the store uses
 * dummy ones for an endpoint on a loopback address (see {@code DynamoDbClients}).
 */
public class DynaliteTestResource implements QuarkusTestResourceLifecycleManager {
  private DynaliteServer server;

  @Override
  public Map<String, String> start() {
    server = DynaliteServer.start();
    return Map.of(
        "lakeops.store.type", "dynamodb",
        "lakeops.store.dynamodb.endpoint-override", server.endpoint().toString(),
        "lakeops.store.dynamodb.create-tables", "true",
        "lakeops.store.dynamodb.region", "us-east-1");
  }

  @Override
  public void stop() {
    if (server != null) {
      server.close();
      server = null;
    }
  }
}
