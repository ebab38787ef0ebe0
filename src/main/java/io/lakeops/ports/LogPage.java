package io.lakeops.ports;

import java.util.List;

/** Lines of a submission's log, starting at line {@code from}, out of {@code total} known lines. */
public record LogPage(int from, int total, List<String> lines) {
  public LogPage {
    lines = List.copyOf(lines);
  }
}
