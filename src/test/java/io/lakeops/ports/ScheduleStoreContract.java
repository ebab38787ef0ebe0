package io.lakeops.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakeops.domain.JobId;
import io.lakeops.testdata.MutableClock;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link ScheduleStore} (the scheduler's due index) must have. */
public abstract class ScheduleStoreContract {
  protected static final Instant NOON = Instant.parse("2026-11-26T12:00:00Z");

  protected final MutableClock clock = MutableClock.at("2026-11-26T12:00:00Z");
  protected ScheduleStore store;

  /** A new, empty store that stamps its writes with {@code clock}. */
  protected abstract ScheduleStore createStore(Clock clock);

  @BeforeEach
  void freshStore() {
    store = createStore(clock);
  }

  @AfterEach
  void closeStore() throws Exception {
    if (store instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }

  private static ScheduleEntry entry(String job, Instant due) {
    return ScheduleEntry.first(new JobId(job), due);
  }

  @Test
  void aCreatedEntryIsStoredAtVersionOneAndReadBack() {
    ScheduleEntry created =
        store.createEntry(
            entry("orders", NOON)
                .advanced(NOON, NOON.minusSeconds(300), "2026-11-26T11:55:00Z")
                .withAlert("skipped 3 windows"));

    assertThat(created.version()).isEqualTo(1);
    assertThat(created.updatedAt()).isEqualTo(clock.instant());
    assertThat(store.findEntry(new JobId("orders"))).contains(created);
    assertThat(store.findEntry(new JobId("other"))).isEmpty();
  }

  @Test
  void aSecondEntryForTheSameJobIsRefused() {
    store.createEntry(entry("orders", NOON));

    assertThatThrownBy(() -> store.createEntry(entry("orders", NOON)))
        .isInstanceOf(AlreadyExistsException.class);
  }

  @Test
  void onlyEntriesDueAtOrBeforeNowAreFoundEarliestFirst() {
    store.createEntry(entry("late", NOON.plusSeconds(60)));
    store.createEntry(entry("exact", NOON));
    store.createEntry(entry("early", NOON.minusSeconds(600)));
    store.createEntry(entry("parked", null));

    List<String> due = allDue(NOON, 10);

    assertThat(due).containsExactly("early", "exact");
  }

  @Test
  void dueEntriesArePagedWithoutLossOrRepeat() {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      String job = "job-" + (char) ('a' + i);
      store.createEntry(entry(job, NOON.minusSeconds(60L * (23 - i))));
      expected.add(job);
    }

    assertThat(allDue(NOON, 4)).containsExactlyElementsOf(expected);
  }

  @Test
  void advancingEntriesWhilePagingNeverServesOneTwice() {
    for (int i = 0; i < 9; i++) {
      store.createEntry(entry("job-" + i, NOON.minusSeconds(60L * (9 - i))));
    }
    List<String> seen = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    do {
      Page<ScheduleEntry> page = store.findDue(NOON, new PageRequest(2, cursor));
      for (ScheduleEntry e : page.items()) {
        seen.add(e.job().value());
        store.updateEntry(e.dueAt(NOON.plusSeconds(300))); // what a tick does
      }
      cursor = page.next();
    } while (cursor.isPresent());

    assertThat(seen).hasSize(9).doesNotHaveDuplicates();
    assertThat(allDue(NOON, 10)).isEmpty();
  }

  @Test
  void anUpdateIsConditionalOnTheVersionRead() {
    ScheduleEntry first = store.createEntry(entry("orders", NOON));
    ScheduleEntry advanced = store.updateEntry(first.advanced(NOON.plusSeconds(300), NOON, "w1"));

    assertThat(advanced.version()).isEqualTo(2);
    assertThat(store.findEntry(first.job())).contains(advanced);
    assertThatThrownBy(() -> store.updateEntry(first.dueAt(NOON.plusSeconds(600))))
        .isInstanceOf(VersionConflictException.class);
    assertThatThrownBy(() -> store.updateEntry(entry("gone", NOON).stored(1, NOON)))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void parkingTakesAnEntryOutOfTheDueIndexAndKeepsItsChain() {
    ScheduleEntry created = store.createEntry(entry("orders", NOON).advanced(NOON, NOON, "w7"));

    ScheduleEntry parked = store.updateEntry(created.dueAt(null).withAlert(null));

    assertThat(allDue(NOON.plusSeconds(3600), 10)).isEmpty();
    assertThat(store.findEntry(created.job())).contains(parked);
    assertThat(parked.watermark()).isEqualTo("w7");
    assertThat(parked.alert()).isNull();
    store.updateEntry(parked.dueAt(NOON));
    assertThat(allDue(NOON, 10)).containsExactly("orders");
  }

  @Test
  void aDeleteIsConditionalOnTheVersionRead() {
    ScheduleEntry created = store.createEntry(entry("orders", NOON));

    assertThatThrownBy(() -> store.deleteEntry(created.job(), 7))
        .isInstanceOf(VersionConflictException.class);
    store.deleteEntry(created.job(), 1);

    assertThat(store.findEntry(created.job())).isEmpty();
    assertThat(allDue(NOON, 10)).isEmpty();
    assertThatThrownBy(() -> store.deleteEntry(created.job(), 1))
        .isInstanceOf(NotFoundException.class);
  }

  private List<String> allDue(Instant now, int pageSize) {
    List<String> jobs = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    do {
      Page<ScheduleEntry> page = store.findDue(now, new PageRequest(pageSize, cursor));
      assertThat(page.items().size()).isLessThanOrEqualTo(pageSize);
      page.items().forEach(e -> jobs.add(e.job().value()));
      cursor = page.next();
    } while (cursor.isPresent());
    return jobs;
  }
}
