package io.lakeops.adapters.embedded;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Thin JDBC helpers: one statement, one auto-committed connection, resources always closed. */
final class Sql {
  /** The SQL state of a unique-key violation. */
  private static final String DUPLICATE_KEY = "23505";

  private final DataSource dataSource;

  Sql(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  /** Thrown when an insert hits an existing key. */
  static final class DuplicateKey extends RuntimeException {
    DuplicateKey(SQLException cause) {
      super(cause);
    }
  }

  int update(String sql, Object... params) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = prepare(c, sql, params)) {
      return s.executeUpdate();
    } catch (SQLException e) {
      if (DUPLICATE_KEY.equals(e.getSQLState())) {
        throw new DuplicateKey(e);
      }
      throw new IllegalStateException("embedded store failed: " + e.getMessage(), e);
    }
  }

  <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = prepare(c, sql, params);
        ResultSet rows = s.executeQuery()) {
      List<T> result = new ArrayList<>();
      while (rows.next()) {
        result.add(mapper.map(rows));
      }
      return result;
    } catch (SQLException e) {
      throw new IllegalStateException("embedded store failed: " + e.getMessage(), e);
    }
  }

  <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) {
    return query(sql, mapper, params).stream().findFirst();
  }

  boolean ping() {
    try (Connection c = dataSource.getConnection()) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... params)
      throws SQLException {
    PreparedStatement s = c.prepareStatement(sql);
    for (int i = 0; i < params.length; i++) {
      s.setObject(i + 1, params[i]);
    }
    return s;
  }
}
