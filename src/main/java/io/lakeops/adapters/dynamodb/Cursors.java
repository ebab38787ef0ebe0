package io.lakeops.adapters.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Page cursors: base64url of a small JSON object holding where each read stopped (an index start
 * key, a day bucket, one position per shard). Opaque to callers; a cursor that does not decode to a
 * start key of the index being read is refused rather than passed on to DynamoDB.
 */
final class Cursors {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private Cursors() {}

  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  static String encode(ObjectNode cursor) {
    try {
      return ENCODER.encodeToString(JSON.writeValueAsBytes(cursor));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static ObjectNode decode(String cursor) {
    try {
      JsonNode node = JSON.readTree(DECODER.decode(cursor));
      if (node instanceof ObjectNode object) {
        return object;
      }
    } catch (IOException | IllegalArgumentException e) {
      // reported below, without echoing the cursor
    }
    throw invalid();
  }

  /** A start key as JSON: {@code {"id": {"S": "…"}, "scheduledFor": {"N": "…"}}}. */
  static ObjectNode key(Map<String, AttributeValue> key) {
    ObjectNode node = JSON.createObjectNode();
    key.forEach(
        (name, value) -> {
          ObjectNode typed = node.putObject(name);
          if (value.s() != null) {
            typed.put("S", value.s());
          } else if (value.n() != null) {
            typed.put("N", value.n());
          } else {
            throw new IllegalStateException("key attribute " + name + " is neither S nor N");
          }
        });
    return node;
  }

  /** The start key in {@code node}, checked to be exactly a start key of {@code index}. */
  static Map<String, AttributeValue> key(JsonNode node, Index index) {
    if (node == null || !node.isObject() || node.size() != index.keyNames().size()) {
      throw invalid();
    }
    Map<String, AttributeValue> key = new LinkedHashMap<>();
    for (String name : index.keyNames()) {
      JsonNode typed = node.get(name);
      if (typed == null) {
        throw invalid();
      }
      boolean numeric =
          name.equals(index.sortKey()) && index.sortType() == ScalarAttributeType.N
              || name.equals(index.partitionKey())
                  && index.partitionType() == ScalarAttributeType.N;
      JsonNode text = typed.get(numeric ? "N" : "S");
      if (text == null || !text.isTextual()) {
        throw invalid();
      }
      key.put(name, numeric ? Attr.n(parse(text.asText())) : Attr.s(text.asText()));
    }
    return key;
  }

  private static long parse(String number) {
    try {
      return Long.parseLong(number);
    } catch (NumberFormatException e) {
      throw invalid();
    }
  }

  static IllegalArgumentException invalid() {
    return new IllegalArgumentException("invalid page cursor");
  }
}
