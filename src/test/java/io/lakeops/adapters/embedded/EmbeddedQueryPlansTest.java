package io.lakeops.adapters.embedded;

import static io.lakeops.testdata.TestClusters.aCluster;
import static io.lakeops.testdata.TestRuns.aRun;
import static org.assertj.core.api.Assertions.assertThat;

import io.lakeops.domain.ClusterId;
import io.lakeops.domain.JobId;
import io.lakeops.domain.JobRun;
import io.lakeops.domain.PoolName;
import io.lakeops.domain.RunState;
import io.lakeops.ports.EntityKind;
import io.lakeops.ports.PageRequest;
import io.lakeops.ports.RunQuery;
import io.lakeops.testdata.MutableClock;
import io.lakeops.testdata.Proxies;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every ordered listing of the embedded store is answered by walking an index in its order, read
 * from H2's own plan of the statement the store ran ({@code EXPLAIN} with the same parameters): a
 * listing that makes H2 read all matching rows and sort them costs time proportional to the table,
 * which at 100,000 runs stalled the dashboard.
 */
class EmbeddedQueryPlansTest {
  private static final int JOBS = 20;
  private static final int RUNS_PER_JOB = 100;

  private static JdbcDataSource h2;
  private static EmbeddedStateStore store;
  private static final List<Statement> ran = new ArrayList<>();

  record Statement(String sql, List<Object> params) {}

  @BeforeAll
  static void fill() {
    h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:plans-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(h2).load().migrate();
    MutableClock clock = MutableClock.at("2026-11-26T12:00:00Z");
    store = new EmbeddedStateStore(recording(h2), clock);
    for (int c = 0; c < 4; c++) {
      store.createCluster(
          aCluster().id("cluster-" + c).pool(c % 2 == 0 ? "small" : "large").build());
    }
    Instant first = Instant.parse("2026-11-26T00:00:00Z");
    for (int j = 0; j < JOBS; j++) {
      for (int r = 0; r < RUNS_PER_JOB; r++) {
        clock.advance(Duration.ofMillis(1)); // changes in a clear order, as in a live store
        JobRun run =
            store
                .createRunIfAbsent(aRun().job("job-" + j).at(first.plusSeconds(60L * r)).build())
                .value();
        if (r % 2 == 0) {
          store.updateRun(
              run.submitted(new ClusterId("cluster-" + r % 4), "batch-" + r, clock.instant()));
        }
      }
    }
    ran.clear();
  }

  @Test
  void runListingsWalkAnIndex() throws SQLException {
    JobId job = new JobId("job-7");
    ClusterId cluster = new ClusterId("cluster-2");
    for (RunQuery query :
        List.of(
            RunQuery.ALL,
            RunQuery.byState(RunState.SCHEDULED),
            RunQuery.byJob(job),
            RunQuery.byCluster(cluster),
            new RunQuery(Optional.of(RunState.SUBMITTED), Optional.of(job), Optional.empty()),
            new RunQuery(
                Optional.of(RunState.SUBMITTED), Optional.empty(), Optional.of(cluster)))) {
      // Deep enough that a page which walked from the index's start would read far past its limit.
      var firstPage = store.findRuns(query, PageRequest.first(40));
      assertThat(firstPage.items()).as("%s", query).hasSize(40);
      store.findRuns(query, PageRequest.after(5, firstPage.next().orElseThrow()));
    }
    store.findRunsOccupying(cluster, PageRequest.first(5));
    var changes = store.changesSince(EntityKind.RUN, Instant.EPOCH, PageRequest.first(500));
    store.changesSince(EntityKind.RUN, Instant.EPOCH, PageRequest.after(5, changes.next().get()));
    store.changesSince(EntityKind.RUN, Instant.parse("2100-01-01T00:00:00Z"), PageRequest.first(5));
    assertEveryOrderedStatementWalksAnIndex(16);
  }

  @Test
  void clusterListingsWalkAnIndex() throws SQLException {
    var small = store.findClusters(new PoolName("small"), PageRequest.first(1));
    store.findClusters(new PoolName("small"), PageRequest.after(1, small.next().orElseThrow()));
    store.findLiveClusters(PageRequest.first(1));
    store.listJobs(PageRequest.first(5));
    assertEveryOrderedStatementWalksAnIndex(4);
  }

  @Test
  void theJobCountReadsNoRow() throws SQLException {
    assertThat(store.countJobs(10).more()).isFalse();
    List<Statement> counts = ran.stream().filter(s -> s.sql().contains("COUNT(")).toList();
    ran.clear();
    assertThat(counts).hasSize(1);
    try (Connection c = h2.getConnection();
        ResultSet plan = c.createStatement().executeQuery("EXPLAIN " + counts.get(0).sql())) {
      plan.next();
      assertThat(plan.getString(1)).contains("/* direct lookup */");
    }
  }

  private static void assertEveryOrderedStatementWalksAnIndex(int expected) throws SQLException {
    List<Statement> ordered = ran.stream().filter(s -> s.sql().contains("ORDER BY")).toList();
    ran.clear();
    assertThat(ordered).hasSize(expected);
    try (Connection c = h2.getConnection()) {
      for (Statement s : ordered) {
        try (PreparedStatement explain = c.prepareStatement("EXPLAIN ANALYZE " + s.sql())) {
          for (int i = 0; i < s.params().size(); i++) {
            explain.setObject(i + 1, s.params().get(i));
          }
          try (ResultSet plan = explain.executeQuery()) {
            plan.next();
            String text = plan.getString(1);
            assertThat(text).as(s.sql()).contains("/* index sorted */");
            // The limit is the last parameter: a walk that starts at its bound reads no further
            // than that, and the rows that tie with the bound on the first sort column (the runs
            // of one window: one per job here), which H2 filters.
            int limit = (int) s.params().get(s.params().size() - 1);
            Matcher scanned = Pattern.compile("scanCount: (\\d+)").matcher(text);
            assertThat(scanned.find()).as(text).isTrue();
            assertThat(Integer.parseInt(scanned.group(1)))
                .as(text)
                .isLessThanOrEqualTo(limit + JOBS);
          }
        }
      }
    }
  }

  /** The data source, recording each statement prepared on it with its parameters. */
  private static DataSource recording(DataSource target) {
    return Proxies.around(
        DataSource.class,
        target,
        (method, args, result) ->
            method.equals("getConnection")
                ? Proxies.around(
                    Connection.class,
                    (Connection) result,
                    (m, a, r) -> m.equals("prepareStatement") ? statement((String) a[0], r) : r)
                : result);
  }

  private static Object statement(String sql, Object prepared) {
    if (!sql.startsWith("SELECT")) {
      return prepared;
    }
    Statement recorded = new Statement(sql, new ArrayList<>());
    ran.add(recorded);
    return Proxies.around(
        PreparedStatement.class,
        (PreparedStatement) prepared,
        (m, a, r) -> {
          if (m.equals("setObject")) {
            int index = (int) a[0];
            while (recorded.params().size() < index) {
              recorded.params().add(null);
            }
            recorded.params().set(index - 1, a[1]);
          }
          return r;
        });
  }
}
