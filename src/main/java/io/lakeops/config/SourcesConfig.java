package io.lakeops.config;

import io.lakeops.jobs.contract.SecretsManagerRef;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The JDBC databases jobs read from or write to, by name: extraction jobs name their MySQL source
 * ({@code extraction.source}), streaming jobs write to the PostgreSQL source named by {@code
 * lakeops.streaming.sink-source}. Definitions carry only the name, never credentials.
 */
@ConfigMapping(prefix = "lakeops.sources")
public interface SourcesConfig {

  /**
   * A password reference: {@code env:NAME}, {@code file:/path}, or {@code secretsmanager:} with a
   * secret name or ARN as Secrets Manager allows them and an optional {@code #<JSON key>}: the
   * syntax of the jobs' contract, by which the job's driver resolves it.
   */
  String PASSWORD_REF = "(env|file):.+|" + SecretsManagerRef.SYNTAX;

  /** What a malformed reference is told; it never echoes the value, which may be a password. */
  String PASSWORD_REF_FORMS =
      "must be env:NAME, file:/path or secretsmanager:<secret name or ARN>[#<JSON key>],"
          + " never the password itself";

  /**
   * Sources by name ({@code lakeops.sources.<name>.jdbc-url=jdbc:mysql://…}). None by default: the
   * console starts without any, and a definition naming a source that is not here is refused
   * ({@code extraction.source}).
   */
  @WithParentName
  Map<String, Source> sources();

  interface Source {
    /**
     * The JDBC URL as both the console and the cluster reach it: {@code jdbc:mysql://host:3306/db}
     * for extraction sources (with {@code jdbc:mariadb:} Spark does not apply its MySQL dialect),
     * {@code jdbc:postgresql://host:5432/db} for the streaming sink.
     */
    String jdbcUrl();

    /** The user name; none when the URL carries it. */
    Optional<String> user();

    /**
     * Where the password is: {@code env:NAME} (an environment variable), {@code file:/path} (a file
     * holding it) or {@code secretsmanager:<secret name or ARN>[#<JSON key>]} (an AWS Secrets
     * Manager secret, or one key of a JSON secret, fetched by the job's driver with the cluster's
     * instance role). Never the password itself: the reference goes into Spark's arguments, which
     * Livy keeps and logs. The console resolves it too, only to read an id source's largest id, so
     * for such sources it must resolve both on the cluster's drivers and where the console runs.
     */
    Optional<@Pattern(regexp = PASSWORD_REF, message = PASSWORD_REF_FORMS) String> passwordRef();

    /** How long the console waits for a connection when it reads the source's largest id. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** How long the console waits for that query's answer. */
    @WithDefault("30s")
    Duration queryTimeout();
  }
}
