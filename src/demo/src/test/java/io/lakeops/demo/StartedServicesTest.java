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
    CountDownLatch release = new CountDownLatch(1);
    Thread starter =
        startingInBackground(
            "generator",
            s -> {
              release.await();
              events.add("started generator");
            });
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
    Thread starter = startingInBackground("stuck", s -> Thread.sleep(60_000));

    long began = System.nanoTime();
    services.stopAll(Duration.ofMillis(500));

    assertThat(Duration.ofNanos(System.nanoTime() - began))
        .as("waited for the start, up to the bound")
        .isBetween(Duration.ofMillis(450), Duration.ofSeconds(10));
    assertThat(events).containsExactly("closed stuck");
    starter.interrupt();
    starter.join(5_000);
  }

  /**
   * Starts service {@code name} with {@code start} on its own thread and returns once {@code start}
   * is running; a start that fails (not one the test interrupts) is recorded as an event.
   */
  private Thread startingInBackground(String name, StartedServices.Start<Service> start)
      throws InterruptedException {
    CountDownLatch inStart = new CountDownLatch(1);
    Thread starter =
        new Thread(
            () -> {
              try {
                services.start(
                    new Service(name),
                    s -> {
                      inStart.countDown();
                      start.start(s);
                    });
              } catch (InterruptedException stopped) {
                // the test interrupts a start that would never end
              } catch (Exception e) {
                events.add("start failed: " + e.getMessage());
              }
            });
    starter.start();
    assertThat(inStart.await(5, TimeUnit.SECONDS)).as("%s is starting", name).isTrue();
    return starter;
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
