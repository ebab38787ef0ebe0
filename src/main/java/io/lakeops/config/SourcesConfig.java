package io.lakeops.config;

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
     * Where the password is: {@code env:NAME} (an environment variable) or {@code file:/path} (a
     * file holding it). Never the password itself: the reference goes into Spark's arguments, which
     * Livy keeps and logs. The console resolves it too (to read an id source's largest id), so it
     * must resolve both on the cluster's drivers and where the console runs.
     */
    Optional<
            @Pattern(
                regexp = "(env|file):.+",
                message = "must be env:NAME or file:/path, never the password itself")
            String>
        passwordRef();

    /** How long the console waits for a connection when it reads the source's largest id. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** How long the console waits for that query's answer. */
    @WithDefault("30s")
    Duration queryTimeout();
  }
}
