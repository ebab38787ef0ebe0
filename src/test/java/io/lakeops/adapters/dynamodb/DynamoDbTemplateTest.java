package io.lakeops.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.lakeops.docs.RepoFiles;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

/**
 * The tables of docs/aws/lakeops.yaml are those the store creates with {@code create-tables} and
 * expects to find without it: names after the prefix, keys, attribute types, indexes, projections
 * and billing. A table, index or key changed in {@link Schema} and not in the template fails here.
 */
class DynamoDbTemplateTest {

  @Test
  void theTemplatesTablesAreTheStoresTables() throws Exception {
    JsonNode template = new YAMLMapper().readTree(RepoFiles.read("docs/aws/lakeops.yaml"));
    Map<String, String> inTemplate = new TreeMap<>();
    template
        .path("Resources")
        .forEach(
            resource -> {
              if (resource.path("Type").asText().equals("AWS::DynamoDB::Table")) {
                JsonNode p = resource.path("Properties");
                String name = p.at("/TableName/Fn::Sub").asText().replace("${TablePrefix}", "P-");
                assertThat(p.has("TimeToLiveSpecification")).as(name + ": no TTL").isFalse();
                assertThat(p.has("StreamSpecification")).as(name + ": no Streams").isFalse();
                inTemplate.put(name, describe(p));
              }
            });

    Map<String, String> inStore = new TreeMap<>();
    for (CreateTableRequest table : new Schema("P-").tables()) {
      inStore.put(table.tableName(), describe(table));
    }

    assertThat(inTemplate).isEqualTo(inStore);
  }

  /** A table's shape as one comparable text, from the template. */
  private static String describe(JsonNode p) {
    StringBuilder text = new StringBuilder(p.path("BillingMode").asText()).append(" key");
    p.path("KeySchema").forEach(k -> text.append(' ').append(key(k)));
    Map<String, String> attributes = new TreeMap<>();
    p.path("AttributeDefinitions")
        .forEach(
            a ->
                attributes.put(a.path("AttributeName").asText(), a.path("AttributeType").asText()));
    text.append(" attributes ").append(attributes);
    Map<String, String> indexes = new TreeMap<>();
    p.path("GlobalSecondaryIndexes")
        .forEach(
            i -> {
              StringBuilder keys = new StringBuilder();
              i.path("KeySchema").forEach(k -> keys.append(key(k)).append(' '));
              indexes.put(
                  i.path("IndexName").asText(), keys + i.at("/Projection/ProjectionType").asText());
            });
    return text.append(" indexes ").append(indexes).toString();
  }

  /** The same from the store's request. */
  private static String describe(CreateTableRequest t) {
    StringBuilder text = new StringBuilder(t.billingModeAsString()).append(" key");
    t.keySchema()
        .forEach(
            k ->
                text.append(' ').append(k.attributeName()).append('/').append(k.keyTypeAsString()));
    Map<String, String> attributes = new TreeMap<>();
    t.attributeDefinitions()
        .forEach(a -> attributes.put(a.attributeName(), a.attributeTypeAsString()));
    text.append(" attributes ").append(attributes);
    Map<String, String> indexes = new TreeMap<>();
    t.globalSecondaryIndexes()
        .forEach(
            i -> {
              StringBuilder keys = new StringBuilder();
              i.keySchema()
                  .forEach(
                      k ->
                          keys.append(k.attributeName())
                              .append('/')
                              .append(k.keyTypeAsString())
                              .append(' '));
              indexes.put(i.indexName(), keys + i.projection().projectionTypeAsString());
            });
    return text.append(" indexes ").append(indexes).toString();
  }

  private static String key(JsonNode k) {
    return k.path("AttributeName").asText() + "/" + k.path("KeyType").asText();
  }
}
