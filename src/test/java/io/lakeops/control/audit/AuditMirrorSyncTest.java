package io.lakeops.control.audit;

import static io.lakeops.testdata.TestJobs.anExtractionJob;
import static io.lakeops.testdata.TestRuns.aRun;
import static org.assertj.core.api.Assertions.assertThat;

import io.lakeops.adapters.embedded.EmbeddedStateStore;
import io.lakeops.domain.ClusterId;
import io.lakeops.domain.Job;
import io.lakeops.domain.JobRun;
import io.lakeops.json.DomainJson;
import io.lakeops.ports.AuditEntry;
import io.lakeops.ports.EntityKind;
import io.lakeops.ports.StateStore;
import io.lakeops.testdata.InMemoryAuditLog;
import io.lakeops.testdata.MutableClock;
import java.time.Duration;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The incremental sync of the audit mirror, over the embedded store with a hand-moved clock. */
class AuditMirrorSyncTest {
  private final MutableClock clock = MutableClock.at("2026-11-26T12:00:00Z");
  private final InMemoryAuditLog audit = new InMemoryAuditLog();
  private StateStore store;
  private AuditMirrorSync sync;
  private AuditTrail trail;

  @BeforeEach
  void setUp() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:sync-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(dataSource).load().migrate();
    store = new EmbeddedStateStore(dataSource, clock);
    sync =
        new AuditMirrorSync(
            store,
            audit,
            audit,
            DomainJson::write,
            clock,
            new AuditMirrorSync.Settings(
                Duration.ofSeconds(60), Duration.ofSeconds(2), Duration.ofDays(7)));
    trail = new AuditTrail(audit, DomainJson::write);
  }

  @Test
  void aChangeMadeBehindTheConsolesBackIsRecordedOnceAsExternal() {
    Job job = store.createJob(anExtractionJob().build());
    clock.advance(Duration.ofSeconds(3));

    assertThat(sync.syncOnce()).isEqualTo(1);
    assertThat(sync.syncOnce()).isZero();

    AuditEntry entry = audit.entries().get(0);
    assertThat(entry.actor()).isEqualTo(AuditEntry.EXTERNAL);
    assertThat(entry.entityId()).isEqualTo(job.id().value());
    assertThat(entry.version()).isEqualTo(1);
    assertThat(entry.before()).isNull();
    assertThat(entry.after()).contains("\"orders\"");
  }

  @Test
  void theConsolesOwnChangesAreNotRecordedAgain() {
    Job job = store.createJob(anExtractionJob().build());
    trail.record(
        "job.create",
        EntityKind.JOB,
        job.id().value(),
        1,
        job.updatedAt(),
        null,
        job,
        new Attribution("alice", "new table"));
    clock.advance(Duration.ofSeconds(3));

    assertThat(sync.syncOnce()).isZero();
    assertThat(audit.entries()).extracting(AuditEntry::actor).containsExactly("alice");
  }

  @Test
  void aChangeYoungerThanTheSettleDelayWaitsForTheNextPass() {
    store.createJob(anExtractionJob().build());
    clock.advance(Duration.ofSeconds(1));

    assertThat(sync.syncOnce()).isZero();
    clock.advance(Duration.ofSeconds(2));
    assertThat(sync.syncOnce()).isEqualTo(1);
  }

  @Test
  void afterDowntimeTheSyncCatchesUpInOrderWithoutDuplicates() {
    sync.syncOnce();
    Job job = store.createJob(anExtractionJob().build());
    for (int i = 0; i < 300; i++) {
      clock.advance(Duration.ofMinutes(7));
      job = store.updateJob(job.withPaused(i % 2 == 0));
    }
    JobRun run = store.createRunIfAbsent(aRun().build()).value();
    store.updateRun(run.submitted(new ClusterId("small-1"), "9", clock.instant()));
    clock.advance(Duration.ofMinutes(1));

    // Only the latest version of each record is visible to a feed; what counts is that each is
    // recorded once, and that the record's last state is what the mirror shows.
    assertThat(sync.syncOnce()).isEqualTo(2);
    assertThat(sync.syncOnce()).isZero();
    assertThat(audit.latest(EntityKind.JOB, job.id().value()).orElseThrow().version())
        .isEqualTo(301);
    assertThat(audit.latest(EntityKind.RUN, run.id().value()).orElseThrow().after())
        .contains("SUBMITTED");
  }

  @Test
  void aWriterWhoseClockLagsWithinTheOverlapIsStillSeen() {
    store.createJob(anExtractionJob().id("first").build());
    clock.advance(Duration.ofSeconds(30));
    sync.syncOnce();
    // Another writer stamps its change 20 s in the past.
    clock.advance(Duration.ofSeconds(-20));
    store.createJob(anExtractionJob().id("late").build());
    clock.advance(Duration.ofSeconds(25));

    sync.syncOnce();
    assertThat(audit.entries()).extracting(AuditEntry::entityId).containsExactly("first", "late");
  }

  @Test
  void anExternalChangeAfterARecordedOneKeepsTheBeforeSnapshot() {
    Job job = store.createJob(anExtractionJob().build());
    trail.record(
        "job.create",
        EntityKind.JOB,
        job.id().value(),
        1,
        job.updatedAt(),
        null,
        job,
        new Attribution("alice", ""));
    clock.advance(Duration.ofSeconds(5));
    store.updateJob(job.withPaused(true));
    clock.advance(Duration.ofSeconds(5));

    sync.syncOnce();
    AuditEntry external = audit.entries().get(1);
    assertThat(external.actor()).isEqualTo("external");
    assertThat(external.before()).isEqualTo(DomainJson.write(job));
    assertThat(external.after()).contains("\"paused\":true");
  }
}
