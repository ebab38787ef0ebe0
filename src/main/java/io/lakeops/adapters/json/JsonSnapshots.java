package io.lakeops.adapters.json;

import io.lakeops.json.DomainJson;
import io.lakeops.ports.Snapshots;
import jakarta.enterprise.context.ApplicationScoped;

/** Audit snapshots in the same JSON form the embedded store keeps. */
@ApplicationScoped
class JsonSnapshots implements Snapshots {
  @Override
  public String of(Object entity) {
    return DomainJson.write(entity);
  }
}
