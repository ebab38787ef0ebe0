package io.lakeops.adapters;

import io.lakeops.adapters.dynamodb.DynamoDbStateStore;
import io.lakeops.adapters.embedded.EmbeddedStateStore;
import io.lakeops.config.StoreConfig;
import io.lakeops.ports.StateStore;
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

  void close(@Disposes StateStore store) throws Exception {
    if (store instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }
}
