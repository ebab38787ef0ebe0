package io.lakeops.adapters.livy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** Livy's JSON bodies, as documented in its REST API; unknown fields are ignored. */
final class LivyJson {
  private LivyJson() {}

  /** {@code POST /batches}. Livy refuses a name that one of its batches already has. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record BatchRequest(
      String file, String className, List<String> args, Map<String, String> conf, String name) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Batch(int id, String name, String state, String appId, List<String> log) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Batches(int from, int total, List<Batch> sessions) {
    Batches {
      sessions = sessions == null ? List.of() : sessions;
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Log(int id, int from, int total, List<String> log) {
    Log {
      log = log == null ? List.of() : log;
    }
  }

  /** Livy's answer to a delete, and its error body. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Message(String msg) {}
}
