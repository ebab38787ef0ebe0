package io.lakeops.control.scheduling;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one scheduler tick did, for its log line, metrics and tests. {@code conflicts} counts
 * entries another replica advanced first (normal with two replicas); {@code failures} holds jobs
 * whose handling failed this tick and will be tried again on the next.
 *
 * <p>Written by the tick's worker threads at once, so every figure is safe to add to concurrently;
 * the notes are in the order they were added, which across threads is no particular order.
 */
public final class TickReport {
  private final AtomicInteger entriesRead = new AtomicInteger();
  private final AtomicInteger runsCreated = new AtomicInteger();
  private final AtomicInteger conflicts = new AtomicInteger();
  private final Queue<String> skipped = new ConcurrentLinkedQueue<>();
  private final Queue<StepFailure> failures = new ConcurrentLinkedQueue<>();

  void read() {
    entriesRead.incrementAndGet();
  }

  void created() {
    runsCreated.incrementAndGet();
  }

  void conflict() {
    conflicts.incrementAndGet();
  }

  void skipped(String note) {
    skipped.add(note);
  }

  void failed(StepFailure failure) {
    failures.add(failure);
  }

  public int entriesRead() {
    return entriesRead.get();
  }

  public int runsCreated() {
    return runsCreated.get();
  }

  public int conflicts() {
    return conflicts.get();
  }

  /** Missed windows left out by the catch-up cap, one note per job. */
  public List<String> skipped() {
    return List.copyOf(skipped);
  }

  public List<StepFailure> failures() {
    return List.copyOf(failures);
  }

  @Override
  public String toString() {
    return "read "
        + entriesRead()
        + " due entries, created "
        + runsCreated()
        + " runs, "
        + conflicts()
        + " conflicts, "
        + skipped.size()
        + " skip reports, "
        + failures.size()
        + " failures";
  }
}
