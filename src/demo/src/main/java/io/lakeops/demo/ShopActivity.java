package io.lakeops.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A shop that keeps trading: every few seconds a few new orders and now and then a new customer
 * arrive, and some orders and customers change (a status moves on, a customer moves country), each
 * change stamping {@code updated_at} with the time of the change, in one transaction per tick. The
 * extractions then always have a window with new and updated rows.
 */
final class ShopActivity implements AutoCloseable {
  private static final List<String> STATUSES = List.of("placed", "paid", "shipped", "delivered");
  private static final List<String> COUNTRIES = List.of("FR", "DE", "NL", "PT", "SE", "US", "JP");

  private final DemoShop shop;
  private final Duration every;
  private final Clock clock;
  private final Random random = new Random(7);
  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "shop-activity");
            t.setDaemon(true);
            return t;
          });

  ShopActivity(DemoShop shop, Duration every, Clock clock) {
    this.shop = shop;
    this.every = every;
    this.clock = clock;
  }

  void start() {
    ticker.scheduleWithFixedDelay(this::tickQuietly, 0, every.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void tickQuietly() {
    try {
      tick();
    } catch (SQLException e) {
      System.err.println("shop activity: " + e.getMessage()); // the next tick tries again
    }
  }

  /** One tick of trade, in one transaction; how many rows it inserted or changed. */
  int tick() throws SQLException {
    try (Connection c = shop.connect(DemoShop.DATABASE)) {
      c.setAutoCommit(false);
      Timestamp now = Timestamp.from(clock.instant());
      long customers = max(c, "customers");
      long orders = max(c, "orders");
      int changed = 0;
      if (customers == 0 || random.nextInt(4) == 0) {
        try (PreparedStatement insert =
            c.prepareStatement("INSERT INTO customers VALUES (?, ?, ?, ?)")) {
          insert.setLong(1, customers + 1);
          insert.setString(2, "customer " + (customers + 1));
          insert.setString(3, COUNTRIES.get(random.nextInt(COUNTRIES.size())));
          insert.setTimestamp(4, now);
          changed += insert.executeUpdate();
        }
        customers++;
      }
      try (PreparedStatement insert =
          c.prepareStatement("INSERT INTO orders VALUES (?, ?, ?, 'placed', ?)")) {
        int count = 1 + random.nextInt(5);
        for (int i = 1; i <= count; i++) {
          insert.setLong(1, orders + i);
          insert.setLong(2, 1 + random.nextInt((int) customers));
          insert.setBigDecimal(3, java.math.BigDecimal.valueOf(500 + random.nextInt(20_000), 2));
          insert.setTimestamp(4, now);
          insert.addBatch();
        }
        changed += insert.executeBatch().length;
        orders += count;
      }
      try (PreparedStatement update =
          c.prepareStatement("UPDATE orders SET status = ?, updated_at = ? WHERE id = ?")) {
        for (int i = 0; i < 2 && orders > 1; i++) {
          update.setString(1, STATUSES.get(1 + random.nextInt(STATUSES.size() - 1)));
          update.setTimestamp(2, now);
          update.setLong(3, 1 + (long) random.nextInt((int) orders - 1));
          changed += update.executeUpdate();
        }
      }
      if (random.nextInt(3) == 0) {
        try (PreparedStatement update =
            c.prepareStatement("UPDATE customers SET country = ?, updated_at = ? WHERE id = ?")) {
          update.setString(1, COUNTRIES.get(random.nextInt(COUNTRIES.size())));
          update.setTimestamp(2, now);
          update.setLong(3, 1 + random.nextInt((int) customers));
          changed += update.executeUpdate();
        }
      }
      c.commit();
      return changed;
    }
  }

  private static long max(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table)) {
      r.next();
      return r.getLong(1);
    }
  }

  @Override
  public void close() throws InterruptedException {
    ticker.shutdownNow();
    ticker.awaitTermination(10, TimeUnit.SECONDS);
  }
}
