package io.lakeops.adapters.dynamodb;

import io.lakeops.ports.ScheduleStore;
import io.lakeops.ports.ScheduleStoreContract;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;

/**
 * The due-index contract against DynamoDB on dynalite: the schedule table is created with the
 * others when the store connects. Each test gets its own table prefix.
 */
class DynamoDbScheduleStoreIT extends ScheduleStoreContract {
  private static final AtomicInteger TABLE_SETS = new AtomicInteger();

  private DynamoDbStateStore state;

  @Override
  protected ScheduleStore createStore(Clock clock) {
    String prefix = "s" + TABLE_SETS.incrementAndGet() + "-" + ProcessHandle.current().pid() + "-";
    state = DynamoDbStateStore.connect(DynaliteServer.shared().storeConfig(prefix), clock);
    return state.scheduleStore();
  }

  @AfterEach
  void closeClient() {
    state.close();
  }
}
