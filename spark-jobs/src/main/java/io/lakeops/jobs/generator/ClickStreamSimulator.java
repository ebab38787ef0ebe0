package io.lakeops.jobs.generator;

import java.time.Instant;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * A deterministic model of users browsing a dashboard site. Each user lives in a session: it opens
 * a page (popularity is Zipf-skewed), clicks elements on it or navigates on, pausing an
 * exponentially distributed think time between actions, and after a session ends starts a new one
 * after a longer pause. The number of users follows from Little's law (users = rate x mean think
 * time), so the simulated stream has the configured rate. Events come out in event-time order; the
 * same seed and start give the same sequence, which the tests and benchmark rely on.
 */
public final class ClickStreamSimulator implements Iterator<ClickEvent> {
  static final List<String> PAGES =
      List.of(
          "/home",
          "/dashboards/sales",
          "/dashboards/traffic",
          "/dashboards/retention",
          "/reports/weekly",
          "/reports/monthly",
          "/alerts",
          "/datasets",
          "/datasets/orders",
          "/datasets/users",
          "/settings",
          "/settings/team",
          "/help",
          "/search",
          "/billing",
          "/dashboards/funnel",
          "/dashboards/cohorts",
          "/reports/adhoc",
          "/notebooks",
          "/admin");
  static final List<String> ELEMENTS =
      List.of("filter", "date-range", "chart", "export", "refresh", "share", "drilldown", "tab");
  private static final double CLICK_PROBABILITY = 0.6;
  private static final double SESSION_END_PROBABILITY = 0.08;

  private final Random random;
  private final ZipfSampler pages;
  private final PriorityQueue<User> queue =
      new PriorityQueue<>(
          Comparator.comparingLong((User u) -> u.nextAt).thenComparingInt(u -> u.id));
  private final long endMillis;
  private final double meanThinkMillis;
  private final String idPrefix;
  private long sequence;

  public ClickStreamSimulator(GeneratorConfig config, Instant start) {
    this.random = new Random(config.seed());
    this.pages = new ZipfSampler(PAGES.size(), config.zipfExponent());
    this.meanThinkMillis = config.meanThinkTime().toMillis();
    this.endMillis = start.toEpochMilli() + config.duration().toMillis();
    this.idPrefix = Long.toHexString(config.seed()) + "-";
    int users = (int) Math.max(1, Math.ceil(config.ratePerSecond() * meanThinkMillis / 1000.0));
    for (int i = 0; i < users; i++) {
      // Spread first actions over one think time so the stream starts at its steady rate.
      queue.add(new User(i, start.toEpochMilli() + (long) (random.nextDouble() * meanThinkMillis)));
    }
  }

  @Override
  public boolean hasNext() {
    return queue.peek().nextAt < endMillis;
  }

  @Override
  public ClickEvent next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    User user = queue.poll();
    ClickEvent event = user.act();
    queue.add(user);
    return event;
  }

  private long think(double mean) {
    return 1 + (long) (-Math.log(1 - random.nextDouble()) * mean);
  }

  /** One simulated user; mutable, owned by the simulator's queue. */
  private final class User {
    final int id;
    long nextAt;
    int session;
    String page;

    User(int id, long nextAt) {
      this.id = id;
      this.nextAt = nextAt;
    }

    ClickEvent act() {
      String type;
      String element = null;
      if (page != null && random.nextDouble() < CLICK_PROBABILITY) {
        type = ClickEvent.CLICK;
        element = ELEMENTS.get(random.nextInt(ELEMENTS.size()));
      } else {
        type = ClickEvent.PAGE_VIEW;
        page = PAGES.get(pages.sample(random));
      }
      ClickEvent event =
          new ClickEvent(
              idPrefix + sequence++,
              "u" + id,
              "u" + id + "-s" + session,
              type,
              page,
              element,
              Instant.ofEpochMilli(nextAt));
      if (random.nextDouble() < SESSION_END_PROBABILITY) {
        session++;
        page = null;
        nextAt += think(meanThinkMillis * 3);
      } else {
        nextAt += think(meanThinkMillis);
      }
      return event;
    }
  }
}
