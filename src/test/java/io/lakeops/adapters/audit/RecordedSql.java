package io.lakeops.adapters.audit;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/** The SQL Hibernate sent last, for tests that read H2's plan of it; keeps the newest few. */
@PersistenceUnitExtension
@ApplicationScoped
public class RecordedSql implements StatementInspector {
  private static final int KEPT = 20;
  private final Deque<String> statements = new ArrayDeque<>();

  @Override
  public synchronized String inspect(String sql) {
    statements.addFirst(sql);
    while (statements.size() > KEPT) {
      statements.removeLast();
    }
    return sql;
  }

  /** The newest statements, newest first. */
  public synchronized List<String> newest() {
    return List.copyOf(statements);
  }
}
