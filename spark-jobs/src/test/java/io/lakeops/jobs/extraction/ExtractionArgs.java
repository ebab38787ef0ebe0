package io.lakeops.jobs.extraction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test-data builder for extraction arguments, with defaults matching the orders fixture. */
final class ExtractionArgs {
  private final Map<String, String> values = new LinkedHashMap<>();

  static ExtractionArgs forTable(String jdbcUrl, String table, String output) {
    ExtractionArgs a = new ExtractionArgs();
    a.values.put("jdbc-url", jdbcUrl);
    a.values.put("table", table);
    a.values.put("key", "id");
    a.values.put("watermark-column", "updated_at");
    a.values.put("watermark-kind", "timestamp");
    a.values.put("output", output);
    a.values.put("parallelism", "3");
    a.values.put("fetch-size", "50");
    return a;
  }

  ExtractionArgs with(String name, String value) {
    values.put(name, value);
    return this;
  }

  ExtractionArgs run(String runId, String low, String high) {
    return with("run-id", runId).with("window-low", low).with("window-high", high);
  }

  ExtractionConfig config() {
    return ExtractionConfig.fromArgs(array());
  }

  String[] array() {
    List<String> out = new ArrayList<>();
    values.forEach(
        (k, v) -> {
          out.add("--" + k);
          out.add(v);
        });
    return out.toArray(String[]::new);
  }
}
