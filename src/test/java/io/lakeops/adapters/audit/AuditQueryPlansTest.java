package io.lakeops.adapters.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.lakeops.ports.AuditEntry;
import io.lakeops.ports.AuditLog;
import io.lakeops.ports.AuditQuery;
import io.lakeops.ports.EntityKind;
import io.lakeops.ports.PageRequest;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit page's filters by actor and by record are answered by walking their index newest first
 * (H2's plan of the very statement Hibernate sent): with a million entries, reading all of an
 * actor's entries to sort them took 12 s.
 */
@QuarkusTest
class AuditQueryPlansTest {
  private static final String ACTOR = "plan-reader";
  private static final String RECORD = "plan-record";

  @Inject AuditLog audit;
  @Inject @PersistenceUnitExtension RecordedSql sql;
  @Inject AgroalDataSource h2;

  @BeforeEach
  void someEntries() {
    if (audit.latest(EntityKind.RUN, RECORD).isPresent()) {
      return;
    }
    Instant at = Instant.parse("2026-11-20T00:00:00Z");
    for (int i = 0; i < 30; i++) {
      audit.record(
          new AuditEntry(
              0,
              at.plusSeconds(i),
              i % 2 == 0 ? ACTOR : "someone-else",
              "run.state",
              EntityKind.RUN,
              i % 3 == 0 ? RECORD : RECORD + "-" + i,
              i + 1,
              null,
              null,
              "{}"));
    }
  }

  @Test
  void byActorWalksTheActorIndex() throws SQLException {
    var page = audit.search(query(Optional.empty(), Optional.of(ACTOR)), PageRequest.first(5));
    assertThat(page.items()).extracting(AuditEntry::actor).containsOnly(ACTOR).hasSize(5);
    assertIndexSorted(lastSearch(), List.of(ACTOR), "AUDIT_ENTRY_BY_ACTOR");
  }

  @Test
  void byRecordWalksTheRecordIndex() throws SQLException {
    var page = audit.search(query(Optional.of(RECORD), Optional.empty()), PageRequest.first(5));
    assertThat(page.items()).extracting(AuditEntry::entityId).containsOnly(RECORD).hasSize(5);
    assertIndexSorted(lastSearch(), List.of("RUN", RECORD), "AUDIT_ENTRY_BY_ENTITY");
  }

  @Test
  void aRecordsLatestEntryWalksTheRecordIndex() throws SQLException {
    assertThat(audit.latest(EntityKind.RUN, RECORD)).isPresent();
    assertIndexSorted(lastSearch(), List.of("RUN", RECORD), "AUDIT_ENTRY_BY_ENTITY");
  }

  private String lastSearch() {
    return sql.newest().stream()
        .filter(s -> s.contains("order by"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no ordered statement recorded: " + sql.newest()));
  }

  /** Explains the statement with the filter's values, then 0 and 10 for any offset and limit. */
  private void assertIndexSorted(String statement, List<Object> filter, String index)
      throws SQLException {
    try (Connection c = h2.getConnection();
        PreparedStatement explain = c.prepareStatement("EXPLAIN " + statement)) {
      int parameters = explain.getParameterMetaData().getParameterCount();
      for (int i = 1; i <= parameters; i++) {
        explain.setObject(i, i <= filter.size() ? filter.get(i - 1) : i == parameters ? 10 : 0);
      }
      try (ResultSet plan = explain.executeQuery()) {
        plan.next();
        assertThat(plan.getString(1)).as(statement).contains(index).contains("/* index sorted */");
      }
    }
  }

  private static AuditQuery query(Optional<String> record, Optional<String> actor) {
    return new AuditQuery(
        record.map(r -> EntityKind.RUN), record, actor, Optional.empty(), Optional.empty());
  }
}
