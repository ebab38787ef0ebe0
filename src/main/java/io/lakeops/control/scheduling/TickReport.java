package io.lakeops.control.scheduling;

import java.util.ArrayList;
import java.util.List;

/**
 * What one scheduler tick did, for its log line, metrics and tests. {@code conflicts} counts
 * entries another replica advanced first (normal with two replicas); {@code failures} holds jobs
 * whose handling failed this tick and will be tried again on the next.
 */
public final class TickReport {
  private int entriesRead;
  private int runsCreated;
  private int conflicts;
  private final List<String> skipped = new ArrayList<>();
  private final List<String> failures = new ArrayList<>();

  void read() {
    entriesRead++;
  }

  void created() {
    runsCreated++;
  }

  void conflict() {
    conflicts++;
  }

  void skipped(String note) {
    skipped.add(note);
  }

  void failed(String note) {
    failures.add(note);
  }

  public int entriesRead() {
    return entriesRead;
  }

  public int runsCreated() {
    return runsCreated;
  }

  public int conflicts() {
    return conflicts;
  }

  /** Missed windows left out by the catch-up cap, one note per job. */
  public List<String> skipped() {
    return List.copyOf(skipped);
  }

  public List<String> failures() {
    return List.copyOf(failures);
  }

  @Override
  public String toString() {
    return "read "
        + entriesRead
        + " due entries, created "
        + runsCreated
        + " runs, "
        + conflicts
        + " conflicts, "
        + skipped.size()
        + " skip reports, "
        + failures.size()
        + " failures";
  }
}
