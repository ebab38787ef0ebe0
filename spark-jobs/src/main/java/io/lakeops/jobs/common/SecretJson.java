package io.lakeops.jobs.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.lakeops.jobs.contract.SecretsManagerRef;

/**
 * Reads one key of a JSON secret string ({@code {"username":"…","password":"…"}}, the shape Secrets
 * Manager's console writes). Jackson's parse errors quote the text they choke on, which here is the
 * secret, so none of them is passed on.
 */
final class SecretJson {
  private SecretJson() {}

  static String field(String secret, String key, SecretsManagerRef ref) {
    JsonNode document;
    try {
      document = JsonFiles.MAPPER.readTree(secret);
    } catch (JsonProcessingException e) {
      document = null;
    }
    if (document == null || !document.isObject()) {
      throw new IllegalStateException(
          "secret " + ref + " is not a JSON object, so it has no key " + key);
    }
    JsonNode value = document.get(key);
    if (value == null) {
      throw new IllegalStateException("secret " + ref + " has no key " + key);
    }
    if (!value.isValueNode() || value.isNull()) {
      throw new IllegalStateException("key " + key + " of secret " + ref + " is not a string");
    }
    return value.asText();
  }
}
