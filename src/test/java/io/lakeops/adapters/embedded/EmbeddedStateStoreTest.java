package io.lakeops.adapters.embedded;

import io.lakeops.ports.StateStore;
import io.lakeops.ports.StateStoreContract;
import java.time.Clock;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/** The state-store contract against the embedded H2 store, on a fresh in-memory database. */
class EmbeddedStateStoreTest extends StateStoreContract {

  @Override
  protected StateStore createStore(Clock clock) {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:contract-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(dataSource).load().migrate();
    return new EmbeddedStateStore(dataSource, clock);
  }
}
