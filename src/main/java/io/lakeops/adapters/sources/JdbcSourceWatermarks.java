package io.lakeops.adapters.sources;

import io.lakeops.config.SourcesConfig;
import io.lakeops.domain.ExtractionSpec;
import io.lakeops.domain.Identifiers;
import io.lakeops.domain.Job;
import io.lakeops.domain.Text;
import io.lakeops.ports.SourceUnavailableException;
import io.lakeops.ports.SourceWatermarks;
import io.lakeops.ports.SubmissionRejectedException;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import java.util.ServiceLoader;

/**
 * Asks a job's MySQL source for its largest id over JDBC (MySQL Connector/J), with the source's
 * connection settings and a password resolved in the console. One short-lived connection per
 * question: it is asked once per id window, at the window's first submission.
 */
@ApplicationScoped
class JdbcSourceWatermarks implements SourceWatermarks {
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private final ConfiguredSources sources;

  JdbcSourceWatermarks(SourcesConfig config) {
    this.sources = new ConfiguredSources(config);
  }

  @Override
  public String highestId(Job job, String low) {
    ExtractionSpec spec = job.extraction();
    if (spec == null) {
      throw new IllegalArgumentException("job " + job.id() + " is not an extraction");
    }
    // Validated when the job was defined; checked again because names cannot be bound in SQL.
    if (!Identifiers.isSqlIdentifier(spec.table())
        || !Identifiers.isSqlIdentifier(spec.watermarkColumn())) {
      throw new SubmissionRejectedException(
          "job " + job.id() + " names a table or column that is not a plain SQL identifier");
    }
    SourcesConfig.Source source = sources.require(spec.source(), "job " + job.id());
    BigInteger max = largestId(source, spec, low.isEmpty() ? null : id(low));
    if (max == null) {
      return low; // nothing at or above low: an empty window
    }
    if (max.compareTo(LONG_MAX) >= 0) {
      throw new SubmissionRejectedException(
          "ids of "
              + spec.table()
              + " reach "
              + max
              + "; the extraction job takes ids up to 2^63-2");
    }
    return max.add(BigInteger.ONE).toString();
  }

  /**
   * A connection from the JDBC driver on this adapter's class path that takes {@code url}. Not
   * through {@code DriverManager}, which only hands out drivers visible to its caller's class
   * loader and so fails under class-loader layering (Quarkus tests, some containers).
   */
  private static Connection connect(String url, Properties properties) throws SQLException {
    for (Driver driver :
        ServiceLoader.load(Driver.class, JdbcSourceWatermarks.class.getClassLoader())) {
      if (driver.acceptsURL(url)) {
        return driver.connect(url, properties);
      }
    }
    throw new SQLException("no JDBC driver on the class path takes " + url, "08001");
  }

  private static BigInteger largestId(SourcesConfig.Source source, ExtractionSpec spec, Long low) {
    String quote = isMySql(source.jdbcUrl()) ? "`" : "";
    String column = quoted(spec.watermarkColumn(), quote);
    String sql =
        "SELECT MAX("
            + column
            + ") FROM "
            + quoted(spec.table(), quote)
            + (low == null ? "" : " WHERE " + column + " >= ?");
    try (Connection c = connect(source.jdbcUrl(), properties(spec, source));
        PreparedStatement query = c.prepareStatement(sql)) {
      query.setQueryTimeout((int) Math.max(1, source.queryTimeout().toSeconds()));
      if (low != null) {
        query.setLong(1, low);
      }
      try (ResultSet rs = query.executeQuery()) {
        String max = rs.next() ? rs.getString(1) : null;
        return max == null ? null : integer(max, spec);
      }
    } catch (SQLException e) {
      throw failure(e, spec);
    }
  }

  private static Properties properties(ExtractionSpec spec, SourcesConfig.Source source) {
    Properties p = new Properties();
    source.user().ifPresent(user -> p.setProperty("user", user));
    source
        .passwordRef()
        .ifPresent(
            ref ->
                p.setProperty(
                    "password",
                    SecretRefs.resolve(ref, "lakeops.sources." + spec.source() + ".password-ref")));
    if (isMySql(source.jdbcUrl())) {
      // Connector/J's own timeouts: DriverManager's login timeout is global to the JVM.
      p.setProperty("connectTimeout", Long.toString(source.connectTimeout().toMillis()));
      p.setProperty(
          "socketTimeout",
          Long.toString(source.connectTimeout().plus(source.queryTimeout()).toMillis()));
    }
    return p;
  }

  /**
   * Syntax or access rule violations (SQL state class 42: a missing table or column) fail the same
   * way on every attempt: a job failure. Anything else, such as a refused connection or a timeout,
   * is the source being unavailable.
   */
  private static RuntimeException failure(SQLException e, ExtractionSpec spec) {
    String what = "source " + Text.quoteForMessage(spec.source()) + " (" + spec.table() + ")";
    if (e.getSQLState() != null && e.getSQLState().startsWith("42")) {
      return new SubmissionRejectedException(what + " refused the id query: " + e.getMessage());
    }
    return new SourceUnavailableException(what + " did not answer: " + e.getMessage(), e);
  }

  private static boolean isMySql(String jdbcUrl) {
    return jdbcUrl.startsWith("jdbc:mysql:") || jdbcUrl.startsWith("jdbc:mariadb:");
  }

  /** {@code schema.table} as {@code `schema`.`table`}; the parts are plain identifiers. */
  private static String quoted(String identifier, String quote) {
    return quote + identifier.replace(".", quote + "." + quote) + quote;
  }

  private static long id(String low) {
    try {
      return Long.parseLong(low);
    } catch (NumberFormatException e) {
      throw new SubmissionRejectedException(
          "the window's low end " + Text.quoteForMessage(low) + " is not an integer id");
    }
  }

  private static BigInteger integer(String max, ExtractionSpec spec) {
    try {
      return new BigInteger(max.trim());
    } catch (NumberFormatException e) {
      throw new SubmissionRejectedException(
          spec.table() + "." + spec.watermarkColumn() + " does not hold integer ids");
    }
  }
}
