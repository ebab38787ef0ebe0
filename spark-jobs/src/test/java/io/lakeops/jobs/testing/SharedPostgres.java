package io.lakeops.jobs.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;

/** A real PostgreSQL 14 (embedded binaries from Maven Central), one per test JVM on a free port. */
public final class SharedPostgres {
  private static EmbeddedPostgres postgres;

  private SharedPostgres() {}

  public static synchronized String jdbcUrl() throws Exception {
    if (postgres == null) {
      postgres = EmbeddedPostgres.builder().setPort(TestWork.freePort()).start();
      Runtime.getRuntime().addShutdownHook(new Thread(SharedPostgres::stop));
    }
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  public static Connection connect() throws Exception {
    return DriverManager.getConnection(jdbcUrl());
  }

  private static void stop() {
    try {
      postgres.close();
    } catch (Exception e) {
      System.err.println("postgres stop: " + e);
    }
  }
}
