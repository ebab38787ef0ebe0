package io.lakeops.jobs.contract;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reference to an AWS Secrets Manager secret: {@code secretsmanager:<name or ARN>[#<json key>]},
 * e.g. {@code secretsmanager:prod/shop-db#password} or {@code
 * secretsmanager:arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/shop-db-AbCdEf}. Without
 * a key the whole secret string is the password; with one, the secret string is a JSON object and
 * the key's value is. An ARN holds colons but never {@code #} (nor does a secret name), so the key
 * is whatever follows the last {@code #}. Part of the jobs' contract: the console checks its
 * configuration's references with the same syntax the job's driver resolves them by.
 */
public record SecretsManagerRef(String secretId, Optional<String> jsonKey) {
  public static final String PREFIX = "secretsmanager:";

  /** Secret names as Secrets Manager allows them: letters, digits and /_+=.@- up to 512. */
  public static final String NAME_SYNTAX = "[A-Za-z0-9/_+=.@-]{1,512}";

  /** A secret's ARN; its first group is the region. */
  public static final String ARN_SYNTAX =
      "arn:aws[a-z-]*:secretsmanager:([a-z0-9-]+):[0-9]{12}:secret:" + NAME_SYNTAX;

  /**
   * A whole reference as {@link #parse} accepts it, as a regular expression (for configuration).
   */
  public static final String SYNTAX =
      PREFIX + "(" + NAME_SYNTAX + "|" + ARN_SYNTAX + ")(#[^#]*[^#\\s][^#]*)?";

  private static final Pattern NAME = Pattern.compile(NAME_SYNTAX);
  private static final Pattern ARN = Pattern.compile(ARN_SYNTAX);

  /** The reference {@code ref}, which starts with {@link #PREFIX}; a malformed one is refused. */
  public static SecretsManagerRef parse(String ref) {
    if (!ref.startsWith(PREFIX)) {
      throw new IllegalArgumentException("not a Secrets Manager reference (" + PREFIX + "…)");
    }
    String body = ref.substring(PREFIX.length());
    int hash = body.lastIndexOf('#');
    String id = hash < 0 ? body : body.substring(0, hash);
    Optional<String> key = hash < 0 ? Optional.empty() : Optional.of(body.substring(hash + 1));
    if (!NAME.matcher(id).matches() && !ARN.matcher(id).matches()) {
      // The id is not echoed either: a malformed reference may be a pasted password.
      throw new IllegalArgumentException(
          "a Secrets Manager reference is "
              + PREFIX
              + "<secret name or ARN>[#<JSON key>]; the name or ARN given is not one");
    }
    if (key.isPresent() && key.get().isBlank()) {
      throw new IllegalArgumentException(
          "Secrets Manager reference to " + id + " has an empty JSON key after #");
    }
    return new SecretsManagerRef(id, key);
  }

  /** The region an ARN names, which its client must use; none for a plain name. */
  public Optional<String> arnRegion() {
    Matcher arn = ARN.matcher(secretId);
    return arn.matches() ? Optional.of(arn.group(1)) : Optional.empty();
  }

  /** The reference as written, safe for messages: it names the secret, never its value. */
  @Override
  public String toString() {
    return PREFIX + secretId + jsonKey.map(k -> "#" + k).orElse("");
  }
}
