package io.lakeops.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakeops.testdata.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A value read at most once per its maximum age and shared meanwhile. */
class RecentTest {
  private final MutableClock clock = MutableClock.at("2026-12-01T12:00:00Z");
  private final AtomicInteger reads = new AtomicInteger();

  @Test
  void oneReadServesEveryoneUntilItIsOlderThanTheMaximumAge() {
    Recent<Integer> recent = new Recent<>(reads::incrementAndGet, Duration.ofSeconds(2), clock);
    assertThat(recent.get()).isEqualTo(1);
    clock.advance(Duration.ofMillis(1999));
    assertThat(recent.get()).isEqualTo(1);
    clock.advance(Duration.ofMillis(1));
    assertThat(recent.get()).isEqualTo(2);
  }

  @Test
  void aZeroMaximumAgeReadsEveryTime() {
    Recent<Integer> recent = new Recent<>(reads::incrementAndGet, Duration.ZERO, clock);
    recent.get();
    recent.get();
    assertThat(reads).hasValue(2);
  }

  @Test
  void requestsArrivingDuringAReadWaitForItInsteadOfReadingToo() throws Exception {
    CountDownLatch reading = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Recent<Integer> recent =
        new Recent<>(
            () -> {
              reading.countDown();
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return reads.incrementAndGet();
            },
            Duration.ofSeconds(2),
            clock);
    List<Thread> askers = new ArrayList<>();
    List<Integer> answers = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < 8; i++) {
      Thread t = new Thread(() -> answers.add(recent.get()));
      askers.add(t);
      t.start();
    }
    reading.await();
    Thread.sleep(100); // the others reach the lock meanwhile
    release.countDown();
    for (Thread t : askers) {
      t.join(5000);
    }
    assertThat(reads).hasValue(1);
    assertThat(answers).hasSize(8).containsOnly(1);
  }
}
