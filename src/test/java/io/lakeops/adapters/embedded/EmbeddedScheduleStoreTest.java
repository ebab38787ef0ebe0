package io.lakeops.adapters.embedded;

import io.lakeops.ports.ScheduleStore;
import io.lakeops.ports.ScheduleStoreContract;
import java.time.Clock;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/** The due-index contract against H2, on a fresh in-memory database migrated by Flyway. */
class EmbeddedScheduleStoreTest extends ScheduleStoreContract {

  @Override
  protected ScheduleStore createStore(Clock clock) {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:schedule-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(dataSource).load().migrate();
    return new EmbeddedScheduleStore(dataSource, clock);
  }
}
