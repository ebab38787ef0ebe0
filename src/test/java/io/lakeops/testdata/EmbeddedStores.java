package io.lakeops.testdata;

import io.lakeops.adapters.embedded.EmbeddedScheduleStore;
import io.lakeops.adapters.embedded.EmbeddedStateStore;
import java.time.Clock;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/** The embedded state store and due index on one fresh in-memory H2 database, for loop tests. */
public record EmbeddedStores(EmbeddedStateStore state, EmbeddedScheduleStore schedule) {

  public static EmbeddedStores fresh(Clock clock) {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:loops-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(dataSource).load().migrate();
    return new EmbeddedStores(
        new EmbeddedStateStore(dataSource, clock), new EmbeddedScheduleStore(dataSource, clock));
  }
}
