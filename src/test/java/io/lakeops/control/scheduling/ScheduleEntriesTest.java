package io.lakeops.control.scheduling;

import static io.lakeops.testdata.TestJobs.aStreamingJob;
import static io.lakeops.testdata.TestJobs.anExtractionJob;
import static org.assertj.core.api.Assertions.assertThat;

import io.lakeops.control.audit.Attribution;
import io.lakeops.control.audit.AuditTrail;
import io.lakeops.control.jobs.JobDefinition;
import io.lakeops.control.jobs.JobDefinitionService;
import io.lakeops.control.jobs.JobDefinitionValidator;
import io.lakeops.domain.Job;
import io.lakeops.domain.JobId;
import io.lakeops.domain.PoolName;
import io.lakeops.json.DomainJson;
import io.lakeops.ports.PageRequest;
import io.lakeops.ports.ScheduleEntry;
import io.lakeops.testdata.EmbeddedStores;
import io.lakeops.testdata.InMemoryAuditLog;
import io.lakeops.testdata.MutableClock;
import io.lakeops.testdata.TestRuns;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Due-index entries kept in step with job definitions, and repaired when they are not. */
class ScheduleEntriesTest {
  private static final Attribution ALICE = new Attribution("alice", "test");

  private final MutableClock clock = MutableClock.at("2026-11-26T12:01:30Z");
  private final EmbeddedStores stores = EmbeddedStores.fresh(clock);
  private final ScheduleEntries entries = new ScheduleEntries(stores.schedule(), stores.state());
  private final JobDefinitionService definitions =
      new JobDefinitionService(
          stores.state(),
          new AuditTrail(new InMemoryAuditLog(), DomainJson::write),
          new JobDefinitionValidator(
              Set.of(new PoolName("small")), Set.of("shop"), Duration.ofMinutes(1)),
          clock,
          entries);

  @Test
  void aNewExtractionJobIsDueAtItsFirstFiringAfterCreation() {
    Job job = definitions.create(JobDefinition.of(anExtractionJob().build()), ALICE);

    ScheduleEntry entry = entry(job.id());
    assertThat(entry.nextDueAt()).isEqualTo(Instant.parse("2026-11-26T12:05:00Z"));
    assertThat(entry.watermark()).isEmpty();
    assertThat(entry.lastScheduledFor()).isNull();
  }

  @Test
  void pausingParksTheEntryAndResumingMakesItDueAgain() {
    Job job = definitions.create(JobDefinition.of(anExtractionJob().build()), ALICE);

    definitions.setPaused(job.id(), true, ALICE);
    assertThat(entry(job.id()).isParked()).isTrue();
    assertThat(
            stores
                .schedule()
                .findDue(Instant.parse("2100-01-01T00:00:00Z"), PageRequest.first(10))
                .items())
        .isEmpty();

    clock.advance(Duration.ofHours(1));
    definitions.setPaused(job.id(), false, ALICE);
    assertThat(entry(job.id()).nextDueAt()).isEqualTo(Instant.parse("2026-11-26T13:05:00Z"));
  }

  @Test
  void aStreamingJobIsDueAtOnce() {
    Job job = definitions.create(JobDefinition.of(aStreamingJob().build()), ALICE);

    assertThat(entry(job.id()).nextDueAt()).isEqualTo(clock.instant());
  }

  @Test
  void deletingAJobRemovesItsEntry() {
    Job job = definitions.create(JobDefinition.of(anExtractionJob().build()), ALICE);

    definitions.delete(job.id(), job.version(), ALICE);

    assertThat(stores.schedule().findEntry(job.id())).isEmpty();
  }

  @Test
  void aReplacedScheduleTakesEffectFromTheLastWindowHandedOut() {
    Job job = definitions.create(JobDefinition.of(anExtractionJob().build()), ALICE);

    definitions.replace(
        job.id(),
        JobDefinition.of(anExtractionJob().schedule("every 1m").build()),
        job.version(),
        ALICE);

    assertThat(entry(job.id()).nextDueAt()).isEqualTo(Instant.parse("2026-11-26T12:02:00Z"));
  }

  @Test
  void theRepairCreatesAMissingEntryThatContinuesTheNewestRunsChain() {
    Job job = stores.state().createJob(anExtractionJob().build()); // behind the service's back
    stores.state().createRunIfAbsent(TestRuns.aRun().at("2026-11-26T12:00:00Z").build());
    ScheduleRepair repair = new ScheduleRepair(stores.state(), stores.state(), entries);

    assertThat(repair.changedSince(clock.instant().minusSeconds(60), clock.instant())).isEqualTo(1);

    ScheduleEntry entry = entry(job.id());
    assertThat(entry.lastScheduledFor()).isEqualTo(Instant.parse("2026-11-26T12:00:00Z"));
    assertThat(entry.watermark()).isEqualTo("2026-11-26T12:00:00Z");
    assertThat(entry.nextDueAt()).isEqualTo(Instant.parse("2026-11-26T12:05:00Z"));
    assertThat(repair.sweepAll(clock.instant())).isEqualTo(1);
    assertThat(entry(job.id())).isEqualTo(entry); // in step already: nothing written
  }

  private ScheduleEntry entry(JobId job) {
    return stores.schedule().findEntry(job).orElseThrow();
  }
}
