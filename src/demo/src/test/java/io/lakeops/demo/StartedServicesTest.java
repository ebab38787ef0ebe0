package io.lakeops.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StartedServicesTest {
  private final List<String> events = new CopyOnWriteArrayList<>();
  private final StartedServices services = new StartedServices();

  @Test
  void servicesStopNewestFirst() throws Exception {
    services.start(new Service("shop"), s -> events.add("started shop"));
    services.start(new Service("broker"), s -> events.add("started broker"));

    services.stopAll(Duration.ofSeconds(1));

    assertThat(events)
        .containsExactly("started shop", "started broker", "closed broker", "closed shop");
  }

  @Test
  void aStopDuringAStartWaitsForItAndStopsWhatItStarted() throws Exception {
    CountDownLatch inStart = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread starter =
        new Thread(
            () -> {
              try {
                services.start(
                    new Service("generator"),
                    s -> {
                      inStart.countDown();
                      release.await();
                      events.add("started generator");
                    });
              } catch (Exception e) {
                events.add("start failed: " + e.getMessage());
              }
            });
    starter.start();
    assertThat(inStart.await(5, TimeUnit.SECONDS)).isTrue();
    Thread stopper = new Thread(() -> services.stopAll(Duration.ofSeconds(30)));
    stopper.start();
    stopper.join(300);
    assertThat(stopper.isAlive()).as("the stop waits for the start in progress").isTrue();

    release.countDown();
    stopper.join(5_000);
    starter.join(5_000);

    assertThat(events).containsExactly("started generator", "closed generator");
    assertThatThrownBy(() -> services.start(new Service("late"), s -> events.add("started late")))
        .hasMessage("the demo is stopping");
    assertThat(events).doesNotContain("started late");
  }

  @Test
  void aServiceWhoseStartFailsIsStoppedToo() {
    assertThatThrownBy(
            () ->
                services.start(
                    new Service("broker"),
                    s -> {
                      throw new IllegalStateException("no answer");
                    }))
        .hasMessage("no answer");

    services.stopAll(Duration.ofSeconds(1));

    assertThat(events).containsExactly("closed broker");
  }

  @Test
  void aStartThatNeverEndsDelaysTheStopOnlyUpToTheBound() throws Exception {
    CountDownLatch inStart = new CountDownLatch(1);
    Thread starter =
        new Thread(
            () -> {
              try {
                services.start(
                    new Service("stuck"),
                    s -> {
                      inStart.countDown();
                      Thread.sleep(60_000);
                    });
              } catch (Exception stopped) {
                // interrupted below
              }
            });
    starter.start();
    assertThat(inStart.await(5, TimeUnit.SECONDS)).isTrue();

    long began = System.nanoTime();
    services.stopAll(Duration.ofMillis(500));

    assertThat(Duration.ofNanos(System.nanoTime() - began))
        .as("waited for the start, up to the bound")
        .isBetween(Duration.ofMillis(450), Duration.ofSeconds(10));
    assertThat(events).containsExactly("closed stuck");
    starter.interrupt();
    starter.join(5_000);
  }

  private final class Service implements AutoCloseable {
    private final String name;

    Service(String name) {
      this.name = name;
    }

    @Override
    public void close() {
      events.add("closed " + name);
    }
  }
}
