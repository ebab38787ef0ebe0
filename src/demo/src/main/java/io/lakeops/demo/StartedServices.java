package io.lakeops.demo;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The demo's services in the order they were started, stopped in reverse. A stop that comes while a
 * service is starting waits for that step to end (up to a bound), then stops it with the others,
 * and no later step starts: whatever a step launches is stopped with the demo, never left behind.
 */
final class StartedServices {
  /** Starts a service already registered, so that a start failing halfway is stopped too. */
  interface Start<T> {
    void start(T service) throws Exception;
  }

  private final Deque<AutoCloseable> running = new ArrayDeque<>();
  private boolean stopping;
  private int starting;

  /** Registers {@code service} and starts it; refused once the demo is stopping. */
  <T extends AutoCloseable> T start(T service, Start<T> start) throws Exception {
    synchronized (this) {
      if (stopping) {
        throw new IllegalStateException("the demo is stopping");
      }
      running.push(service);
      starting++;
    }
    try {
      start.start(service);
      return service;
    } finally {
      synchronized (this) {
        starting--;
        notifyAll();
      }
    }
  }

  /**
   * Waits up to {@code forStep} for a start in progress, then stops every service, newest first.
   */
  synchronized void stopAll(Duration forStep) {
    stopping = true;
    long deadline = System.nanoTime() + forStep.toNanos();
    try {
      for (long left = forStep.toNanos();
          starting > 0 && left > 0;
          left = deadline - System.nanoTime()) {
        wait(Math.max(1, left / 1_000_000));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (starting > 0) {
      System.err.println("demo: a service is still starting; stopping the others");
    }
    while (!running.isEmpty()) {
      AutoCloseable next = running.pop();
      try {
        next.close();
      } catch (Exception e) {
        System.err.println("demo: stopping " + next.getClass().getSimpleName() + ": " + e);
      }
    }
  }
}
