package io.lakeops.adapters.livy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The batches this console killed, newest last, up to a bound. Livy drops a batch from its list the
 * moment it is deleted, so without this a killed batch would read as UNKNOWN right away. After a
 * console restart the memory is gone and the control plane, which recorded the cancel, resolves it.
 */
final class KilledBatches {
  private final Set<String> keys;

  KilledBatches(int capacity) {
    this.keys =
        Collections.newSetFromMap(
            Collections.synchronizedMap(
                new LinkedHashMap<>() {
                  @Override
                  protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > capacity;
                  }
                }));
  }

  void add(String endpoint, String batchId) {
    keys.add(key(endpoint, batchId));
  }

  boolean contains(String endpoint, String batchId) {
    return keys.contains(key(endpoint, batchId));
  }

  private static String key(String endpoint, String batchId) {
    return LivyEndpoints.normalize(endpoint) + "#" + batchId;
  }
}
