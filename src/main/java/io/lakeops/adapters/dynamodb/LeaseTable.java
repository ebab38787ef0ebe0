package io.lakeops.adapters.dynamodb;

import io.lakeops.ports.Lease;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Leases as items {@code {name, holder, expiresAt}}. Taking one is a put conditional on the lease
 * being free, expired (at or before now, as in the embedded store) or already ours, so of two
 * replicas racing exactly one put succeeds. An expired lease is simply overwritten: no TTL is
 * needed.
 */
final class LeaseTable {
  private final DynamoDbClient client;
  private final String table;

  LeaseTable(DynamoDbClient client, String table) {
    this.client = client;
    this.table = table;
  }

  Optional<Lease> tryAcquire(String name, String holder, Duration ttl, Instant now) {
    Instant expiresAt = now.plus(ttl).truncatedTo(ChronoUnit.MILLIS);
    try {
      client.putItem(
          r ->
              r.tableName(table)
                  .item(
                      Map.of(
                          Schema.LEASE_NAME,
                          Attr.s(name),
                          "holder",
                          Attr.s(holder),
                          "expiresAt",
                          Attr.millis(expiresAt)))
                  .conditionExpression(
                      "attribute_not_exists(#name) OR #expiresAt <= :now OR #holder = :holder")
                  .expressionAttributeNames(
                      Map.of(
                          "#name",
                          Schema.LEASE_NAME,
                          "#expiresAt",
                          "expiresAt",
                          "#holder",
                          "holder"))
                  .expressionAttributeValues(
                      Map.of(":now", Attr.millis(now), ":holder", Attr.s(holder))));
      return Optional.of(new Lease(name, holder, expiresAt));
    } catch (ConditionalCheckFailedException held) {
      return Optional.empty();
    }
  }

  void release(String name, String holder) {
    try {
      client.deleteItem(
          r ->
              r.tableName(table)
                  .key(key(name))
                  .conditionExpression("#holder = :holder")
                  .expressionAttributeNames(Map.of("#holder", "holder"))
                  .expressionAttributeValues(Map.of(":holder", Attr.s(holder))));
    } catch (ConditionalCheckFailedException notOurs) {
      // Someone else holds it (or nobody does): nothing of ours to give up.
    }
  }

  Optional<Lease> find(String name) {
    var response = client.getItem(r -> r.tableName(table).key(key(name)).consistentRead(true));
    if (!response.hasItem() || response.item().isEmpty()) {
      return Optional.empty();
    }
    Map<String, AttributeValue> item = response.item();
    return Optional.of(
        new Lease(name, Attr.string(item, "holder"), Attr.instant(item, "expiresAt")));
  }

  private static Map<String, AttributeValue> key(String name) {
    return Map.of(Schema.LEASE_NAME, Attr.s(name));
  }
}
