package io.lakeops.jobs.common;

import io.lakeops.jobs.contract.SecretsManagerRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * A credential passed by reference, resolved when the job runs. Arguments end up in Livy's batch
 * record, the Spark UI and logs, so they may only name where the secret is: {@code env:NAME} (an
 * environment variable of the driver, e.g. set through spark.yarn.appMasterEnv), {@code file:/path}
 * (a file the cluster's bootstrap fetched from the secret store) or {@code secretsmanager:<name or
 * ARN>[#<JSON key>]} (fetched from AWS Secrets Manager by the driver; see {@link
 * SecretsManagerRef}). A literal value is refused.
 */
public final class SecretRef {
  private final Function<String, String> env;
  private final SecretsManagerSecrets secretsManager;

  public SecretRef(Function<String, String> env) {
    this(env, SecretsManagerSecrets.shared());
  }

  public SecretRef(Function<String, String> env, SecretsManagerSecrets secretsManager) {
    this.env = env;
    this.secretsManager = secretsManager;
  }

  public static SecretRef fromSystem() {
    Map<String, String> env = System.getenv();
    return new SecretRef(env::get);
  }

  public String resolve(String reference) {
    if (reference == null || reference.isBlank()) {
      throw new IllegalArgumentException("empty secret reference");
    }
    if (reference.startsWith("env:")) {
      String name = reference.substring(4);
      String value = env.apply(name);
      if (value == null) {
        throw new IllegalArgumentException("environment variable " + name + " is not set");
      }
      return value;
    }
    if (reference.startsWith("file:")) {
      Path path = Path.of(reference.substring(5));
      try {
        return Files.readString(path, StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read secret file " + path, e);
      }
    }
    if (reference.startsWith(SecretsManagerRef.PREFIX)) {
      return secretsManager.resolve(SecretsManagerRef.parse(reference));
    }
    // Never echo the value: it may be a password someone pasted by mistake.
    throw new IllegalArgumentException(
        "secret reference must start with env:, file: or " + SecretsManagerRef.PREFIX);
  }
}
