package io.lakeops.adapters.sources;

import io.lakeops.ports.SubmissionRejectedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resolves a password reference in the console, as the jobs do on the cluster: {@code env:NAME} is
 * an environment variable, {@code file:/path} a file whose content (trimmed) is the password.
 * Messages name the reference, never the value.
 */
final class SecretRefs {
  private static final String ENV = "env:";
  private static final String FILE = "file:";

  private SecretRefs() {}

  static boolean isReference(String ref) {
    return (ref.startsWith(ENV) && ref.length() > ENV.length())
        || (ref.startsWith(FILE) && ref.length() > FILE.length());
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
    throw new SubmissionRejectedException(key + " must be env:NAME or file:/path");
  }
}
