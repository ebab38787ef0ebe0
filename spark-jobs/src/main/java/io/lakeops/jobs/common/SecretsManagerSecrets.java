package io.lakeops.jobs.common;

import io.lakeops.jobs.contract.SecretsManagerRef;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

/**
 * Fetches secrets from AWS Secrets Manager where the job runs, with the SDK's default credential
 * and region chains (on EMR: the instance role and the instance's region; for an ARN, its own
 * region). Each secret is fetched once per JVM and kept, so a run asks once however often it needs
 * the password. Messages name the reference, never the value; the SDK's exception is kept as a
 * suppressed one, not as the cause, so the job's error report shows these words.
 */
public final class SecretsManagerSecrets {
  private static final SecretsManagerSecrets SHARED =
      new SecretsManagerSecrets(SecretsManagerSecrets::defaultClient);

  private final Function<Optional<String>, SecretsManagerClient> clientFactory;
  private final Map<Optional<String>, SecretsManagerClient> clients = new ConcurrentHashMap<>();
  private final Map<String, String> secretStrings = new ConcurrentHashMap<>();

  /** {@code clientFactory} builds a client for a region (empty: the default region chain). */
  public SecretsManagerSecrets(Function<Optional<String>, SecretsManagerClient> clientFactory) {
    this.clientFactory = clientFactory;
  }

  /** The JVM's one instance, so that its cache spans the run. */
  public static SecretsManagerSecrets shared() {
    return SHARED;
  }

  /** The password {@code ref} names: the secret string, or its JSON key's value. */
  public String resolve(SecretsManagerRef ref) {
    String secret = secretStrings.computeIfAbsent(ref.secretId(), id -> fetch(ref));
    return ref.jsonKey().map(key -> SecretJson.field(secret, key, ref)).orElse(secret);
  }

  private String fetch(SecretsManagerRef ref) {
    GetSecretValueResponse response;
    try {
      SecretsManagerClient client = clients.computeIfAbsent(ref.arnRegion(), clientFactory);
      response = client.getSecretValue(r -> r.secretId(ref.secretId()));
    } catch (SdkException e) {
      IllegalStateException failure =
          new IllegalStateException(SecretsManagerFailures.words(ref, e));
      failure.addSuppressed(e);
      throw failure;
    }
    if (response.secretString() == null) {
      throw new IllegalStateException(
          "secret " + ref + " holds a binary value; a password must be a secret string");
    }
    return response.secretString();
  }

  /**
   * A client over the JDK's HTTP client. An endpoint set the SDK's own way ({@code
   * AWS_ENDPOINT_URL_SECRETS_MANAGER} or {@code -Daws.endpointUrlSecretsManager}) is honoured by
   * the SDK itself; tests use it, production does not.
   */
  static SecretsManagerClient defaultClient(Optional<String> region) {
    SecretsManagerClientBuilder builder =
        SecretsManagerClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder());
    region.map(Region::of).ifPresent(builder::region);
    return builder.build();
  }
}
