package io.lakeops.adapters;

import io.lakeops.adapters.dynamodb.DynamoDbStateStore;
import io.lakeops.adapters.embedded.EmbeddedScheduleStore;
import io.lakeops.adapters.embedded.EmbeddedStateStore;
import io.lakeops.config.StoreConfig;
import io.lakeops.ports.ScheduleStore;
import io.lakeops.ports.StateStore;
import io.quarkus.arc.ClientProxy;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/** Chooses the state store by configuration: the embedded H2 store or DynamoDB. */
@ApplicationScoped
class StateStoreProducer {
  private static final Logger LOG = Logger.getLogger(StateStoreProducer.class);

  /** Created at start, so that tables exist and a bad configuration fails the start. */
  @Produces
  @Startup
  @ApplicationScoped
  StateStore stateStore(StoreConfig config, DataSource dataSource, Clock clock) {
    LOG.infof("Job state is kept in the %s store", config.type().name().toLowerCase());
    return switch (config.type()) {
      case EMBEDDED -> new EmbeddedStateStore(dataSource, clock);
      case DYNAMODB -> DynamoDbStateStore.connect(config.dynamodb(), clock);
    };
  }

  /** The scheduler's due index, kept beside the state store it belongs to. */
  @Produces
  @ApplicationScoped
  ScheduleStore scheduleStore(
      StoreConfig config, StateStore store, DataSource dataSource, Clock clock) {
    return switch (config.type()) {
      case EMBEDDED -> new EmbeddedScheduleStore(dataSource, clock);
      // The injected store is a client proxy; the DynamoDB one shares its client and tables.
      case DYNAMODB -> ((DynamoDbStateStore) ClientProxy.unwrap(store)).scheduleStore();
    };
  }

  void close(@Disposes StateStore store) throws Exception {
    if (store instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }
}
