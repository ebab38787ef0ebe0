package io.lakeops.adapters.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakeops.ports.AuditEntry;
import io.lakeops.ports.AuditLog;
import io.lakeops.ports.AuditQuery;
import io.lakeops.ports.EntityKind;
import io.lakeops.ports.PageRequest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Entries written together: all in one go, or, when one is there already, the others only. */
@QuarkusTest
class AuditBatchTest {
  private static final Instant AT = Instant.parse("2026-11-21T08:00:00Z");

  @Inject AuditLog audit;

  @Test
  void aBatchOfNewEntriesIsRecordedWhole() {
    List<AuditEntry> batch = List.of(entry("batch-a", 1), entry("batch-b", 1), entry("batch-c", 1));

    assertThat(audit.recordAll(batch)).isEqualTo(3);

    assertThat(entriesOf("batch-a")).hasSize(1);
    assertThat(entriesOf("batch-c")).hasSize(1);
  }

  @Test
  void anEntryRecordedAlreadyIsSkippedAndTheOthersAreKept() {
    assertThat(audit.record(entry("mirrored-first", 1))).isTrue();

    int recorded =
        audit.recordAll(
            List.of(entry("kept-before", 1), entry("mirrored-first", 1), entry("kept-after", 1)));

    assertThat(recorded).isEqualTo(2);
    assertThat(entriesOf("mirrored-first")).hasSize(1);
    assertThat(entriesOf("kept-before")).hasSize(1);
    assertThat(entriesOf("kept-after")).hasSize(1);
  }

  @Test
  void recordedChangesAreToldFromOthersByRecordVersionAndTime() {
    audit.recordAll(List.of(entry("known-a", 1), entry("known-a", 2), entry("known-b", 1)));

    var recorded =
        audit.recordedAmong(
            EntityKind.RUN,
            List.of(
                key("known-a", 2),
                key("known-a", 3), // a later version
                key("known-b", 1),
                new AuditLog.ChangeKey("known-b", 1, AT.plusMillis(1)), // another time
                key("never-seen", 1)));

    assertThat(recorded).containsExactlyInAnyOrder(key("known-a", 2), key("known-b", 1));
    assertThat(audit.recordedAmong(EntityKind.JOB, List.of(key("known-a", 2)))).isEmpty();
  }

  private static AuditLog.ChangeKey key(String id, long version) {
    return new AuditLog.ChangeKey(id, version, AT);
  }

  @Test
  void anEmptyBatchRecordsNothing() {
    assertThat(audit.recordAll(List.of())).isZero();
  }

  private List<AuditEntry> entriesOf(String id) {
    return audit
        .search(
            new AuditQuery(
                Optional.of(EntityKind.RUN),
                Optional.of(id),
                Optional.empty(),
                Optional.empty(),
                Optional.empty()),
            PageRequest.first(10))
        .items();
  }

  private static AuditEntry entry(String id, long version) {
    return new AuditEntry(
        0, AT, "scheduler", "run.create", EntityKind.RUN, id, version, "window due", null, "{}");
  }
}
