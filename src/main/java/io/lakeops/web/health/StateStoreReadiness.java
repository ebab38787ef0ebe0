package io.lakeops.web.health;

import io.lakeops.config.StoreConfig;
import io.lakeops.ports.StateStore;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the state store answers (the audit database has Quarkus' datasource check). */
@Readiness
@ApplicationScoped
class StateStoreReadiness implements HealthCheck {
  private final StateStore store;
  private final StoreConfig config;

  StateStoreReadiness(StateStore store, StoreConfig config) {
    this.store = store;
    this.config = config;
  }

  @Override
  public HealthCheckResponse call() {
    boolean up;
    try {
      up = store.isReachable();
    } catch (RuntimeException e) {
      up = false;
    }
    return HealthCheckResponse.named("state-store")
        .status(up)
        .withData("type", config.type().name().toLowerCase())
        .build();
  }
}
