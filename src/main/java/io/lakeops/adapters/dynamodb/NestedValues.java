package io.lakeops.adapters.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lakeops.json.DomainJson;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Nested values (specs, policies, results) as native maps and lists rather than JSON strings, so an
 * external writer or the console's table view reads them as ordinary attributes. Goes through the
 * domain's JSON form, so field names and value formats (ISO-8601 durations) are the same as in
 * audit snapshots.
 */
final class NestedValues {
  private static final ObjectMapper MAPPER = DomainJson.mapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private NestedValues() {}

  static AttributeValue toAttribute(Object value) {
    return fromJson(MAPPER.valueToTree(value));
  }

  static <T> T fromAttribute(AttributeValue value, Class<T> type) {
    if (value == null || Boolean.TRUE.equals(value.nul())) {
      return null;
    }
    try {
      return MAPPER.treeToValue(toJson(value), type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored " + type.getSimpleName() + " is unreadable", e);
    }
  }

  private static AttributeValue fromJson(JsonNode node) {
    if (node.isObject()) {
      Map<String, AttributeValue> map = new LinkedHashMap<>();
      node.fields()
          .forEachRemaining(
              field -> {
                if (!field.getValue().isNull()) {
                  map.put(field.getKey(), fromJson(field.getValue()));
                }
              });
      return AttributeValue.fromM(map);
    }
    if (node.isArray()) {
      List<AttributeValue> list = new ArrayList<>();
      node.forEach(element -> list.add(fromJson(element)));
      return AttributeValue.fromL(list);
    }
    if (node.isNumber()) {
      return AttributeValue.fromN(node.asText());
    }
    if (node.isBoolean()) {
      return AttributeValue.fromBool(node.booleanValue());
    }
    if (node.isNull()) {
      return AttributeValue.fromNul(true);
    }
    return AttributeValue.fromS(node.asText());
  }

  private static JsonNode toJson(AttributeValue value) {
    return switch (value.type()) {
      case S -> NODES.textNode(value.s());
      case N -> number(value.n());
      case BOOL -> NODES.booleanNode(value.bool());
      case NUL -> NODES.nullNode();
      case M -> {
        ObjectNode object = NODES.objectNode();
        value.m().forEach((name, element) -> object.set(name, toJson(element)));
        yield object;
      }
      case L -> {
        ArrayNode array = NODES.arrayNode();
        value.l().forEach(element -> array.add(toJson(element)));
        yield array;
      }
      default -> throw new IllegalStateException("unsupported nested attribute " + value.type());
    };
  }

  private static JsonNode number(String text) {
    if (text.contains(".") || text.contains("e") || text.contains("E")) {
      return NODES.numberNode(new BigDecimal(text));
    }
    return NODES.numberNode(new BigInteger(text));
  }
}
