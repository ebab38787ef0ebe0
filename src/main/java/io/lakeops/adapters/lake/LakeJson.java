package io.lakeops.adapters.lake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lakeops.ports.LakeObjects;
import io.lakeops.ports.LakeReadException;
import java.util.Optional;

/** A JSON document of the lake, parsed; one that is there but not a JSON object is a failure. */
final class LakeJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private LakeJson() {}

  /**
   * @param what what the document is, for the message ({@code the run manifest})
   * @throws LakeReadException naming the document when it cannot be read or is not a JSON object
   */
  static Optional<JsonNode> read(LakeObjects objects, String key, String what) {
    Optional<String> text;
    try {
      text = objects.read(key);
    } catch (LakeReadException e) {
      throw new LakeReadException("cannot read " + what + ": " + e.getMessage(), e);
    }
    return text.map(t -> parse(t, objects.where(key), what));
  }

  private static JsonNode parse(String text, String where, String what) {
    try {
      JsonNode node = JSON.readTree(text);
      if (node == null || !node.isObject()) {
        throw new LakeReadException(what + " " + where + " is not a JSON object", null);
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new LakeReadException(
          what + " " + where + " is not JSON: " + e.getOriginalMessage(), e);
    }
  }
}
