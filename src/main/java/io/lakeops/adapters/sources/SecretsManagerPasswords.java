package io.lakeops.adapters.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lakeops.jobs.contract.SecretsManagerRef;
import io.lakeops.ports.SourceUnavailableException;
import io.lakeops.ports.SubmissionRejectedException;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;

/**
 * A {@code secretsmanager:<name or ARN>[#<JSON key>]} password fetched by the console itself, which
 * it needs only to read an id source's largest id. The SDK's default credential and region chains
 * (an ARN's own region for an ARN); a client is made only when such a reference is first resolved,
 * so the embedded default never builds one. Not cached: it is asked once per id window, and a
 * rotated secret is then read afresh. Messages name the reference, never the value.
 */
final class SecretsManagerPasswords {
  static final String PREFIX = SecretsManagerRef.PREFIX;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<Optional<String>, SecretsManagerClient> CLIENTS =
      new ConcurrentHashMap<>();

  private SecretsManagerPasswords() {}

  /** The password {@code ref} names (already validated); {@code key} names the setting. */
  static String resolve(String ref, String key) {
    SecretsManagerRef parsed = SecretsManagerRef.parse(ref);
    String secret = fetch(parsed, ref, key);
    return parsed.jsonKey().map(field -> field(secret, field, ref, key)).orElse(secret);
  }

  private static String fetch(SecretsManagerRef parsed, String ref, String key) {
    try {
      SecretsManagerClient secrets =
          CLIENTS.computeIfAbsent(parsed.arnRegion(), SecretsManagerPasswords::client);
      String secret = secrets.getSecretValue(r -> r.secretId(parsed.secretId())).secretString();
      if (secret == null) {
        throw new SubmissionRejectedException(key + " names " + ref + ", a binary secret");
      }
      return secret;
    } catch (AwsServiceException e) {
      String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
      if ("ResourceNotFoundException".equals(code)
          || "AccessDeniedException".equals(code)
          || "DecryptionFailure".equals(code)) {
        // The console's role lacks the secret, or the secret is gone: only a change helps.
        throw new SubmissionRejectedException(
            key + " names " + ref + ", which the console cannot read (" + code + ")");
      }
      throw new SourceUnavailableException(key + " names " + ref + ": Secrets Manager failed", e);
    } catch (SdkException e) {
      throw new SourceUnavailableException(
          key + " names " + ref + ": Secrets Manager cannot be reached", e);
    }
  }

  /** One key of a JSON secret. Jackson's errors quote the secret, so none is passed on. */
  private static String field(String secret, String field, String ref, String key) {
    JsonNode value;
    try {
      value = JSON.readTree(secret).get(field);
    } catch (IOException | RuntimeException e) {
      value = null;
    }
    if (value == null || !value.isValueNode() || value.isNull()) {
      throw new SubmissionRejectedException(
          key + " names " + ref + ", but that secret is not a JSON object with that string key");
    }
    return value.asText();
  }

  /** Endpoints set the SDK's own way (AWS_ENDPOINT_URL_SECRETS_MANAGER) are honoured by it. */
  private static SecretsManagerClient client(Optional<String> region) {
    SecretsManagerClientBuilder builder =
        SecretsManagerClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder());
    region.map(Region::of).ifPresent(builder::region);
    return builder.build();
  }
}
