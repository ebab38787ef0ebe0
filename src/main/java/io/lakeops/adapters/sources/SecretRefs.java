package io.lakeops.adapters.sources;

import io.lakeops.config.SourcesConfig;
import io.lakeops.ports.SubmissionRejectedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Resolves a password reference in the console, as the jobs do on the cluster: {@code env:NAME} is
 * an environment variable, {@code file:/path} a file whose content (trimmed) is the password,
 * {@code secretsmanager:<name or ARN>[#<JSON key>]} a Secrets Manager secret (see {@link
 * SecretsManagerPasswords}). Messages name the reference, never the value.
 */
final class SecretRefs {
  private static final String ENV = "env:";
  private static final String FILE = "file:";
  private static final Pattern REFERENCE = Pattern.compile(SourcesConfig.PASSWORD_REF);

  private SecretRefs() {}

  static boolean isReference(String ref) {
    return REFERENCE.matcher(ref).matches();
  }

  /** The secret {@code ref} points at; {@code key} names the setting, for the message. */
  static String resolve(String ref, String key) {
    if (ref.startsWith(ENV)) {
      String value = System.getenv(ref.substring(ENV.length()));
      if (value == null) {
        throw new SubmissionRejectedException(
            key
                + " names environment variable "
                + ref.substring(ENV.length())
                + ", which is unset");
      }
      return value;
    }
    if (ref.startsWith(FILE)) {
      Path file = Path.of(ref.substring(FILE.length()));
      try {
        return Files.readString(file).trim();
      } catch (IOException e) {
        throw new SubmissionRejectedException(key + " names " + file + ", which cannot be read");
      }
    }
    if (ref.startsWith(SecretsManagerPasswords.PREFIX) && isReference(ref)) {
      return SecretsManagerPasswords.resolve(ref, key);
    }
    throw new SubmissionRejectedException(key + " " + SourcesConfig.PASSWORD_REF_FORMS);
  }
}
