package io.lakeops.control.scheduling;

import io.lakeops.control.audit.Attribution;
import io.lakeops.control.audit.AuditTrail;
import io.lakeops.control.runs.RunJournal;
import io.lakeops.domain.Job;
import io.lakeops.domain.JobKind;
import io.lakeops.domain.JobRun;
import io.lakeops.ports.EntityKind;
import io.lakeops.ports.JobStore;
import io.lakeops.ports.NotFoundException;
import io.lakeops.ports.Page;
import io.lakeops.ports.PageRequest;
import io.lakeops.ports.RunStore;
import io.lakeops.ports.ScheduleEntry;
import io.lakeops.ports.ScheduleStore;
import io.lakeops.ports.VersionConflictException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The scheduler's tick: reads the due entries only, and for each due extraction job creates one run
 * per due window (oldest first, at most the catch-up cap), then advances the entry with a
 * conditional write. Streaming jobs' entries go to the {@link StreamingKeeper}.
 *
 * <p>Two replicas, or a tick repeated after a crash, do the same thing: run ids are deterministic
 * and windows are computed from the entry they read, so {@code createRunIfAbsent} makes the second
 * creation a no-op, and of two entry advances from the same version exactly one succeeds.
 *
 * <p>The entries of one page are handled at once, at most {@code tickThreads} at a time, on threads
 * the scheduler owns (hence {@link #close}): store calls mostly wait on the network. A page holds
 * one entry per job, so each job's work stays sequential; the next page is read once this page's
 * work is done.
 */
public final class ExtractionScheduler implements AutoCloseable {
  private final ScheduleStore schedule;
  private final JobStore jobs;
  private final RunStore runs;
  private final WindowChain chain;
  private final StreamingKeeper keeper;
  private final AuditTrail audit;
  private final SchedulerSettings settings;
  private final ExecutorService workers;

  public ExtractionScheduler(
      ScheduleStore schedule,
      JobStore jobs,
      RunStore runs,
      StreamingKeeper keeper,
      AuditTrail audit,
      SchedulerSettings settings) {
    this.schedule = schedule;
    this.jobs = jobs;
    this.runs = runs;
    this.chain = new WindowChain(runs);
    this.keeper = keeper;
    this.audit = audit;
    this.settings = settings;
    this.workers = workers(settings.tickThreads());
  }

  public TickReport tick(Instant now) {
    TickReport report = new TickReport();
    Optional<String> cursor = Optional.empty();
    do {
      Page<ScheduleEntry> page =
          schedule.findDue(now, new PageRequest(settings.pageSize(), cursor));
      if (!handleAll(page.items(), now, report)) {
        break; // interrupted, so shutting down: the entries left are due again next tick
      }
      cursor = page.next();
    } while (cursor.isPresent());
    return report;
  }

  /**
   * Stops the worker threads, letting the entries already started finish. One that is cut short
   * after all is done again next tick: run ids are deterministic and every write is conditional.
   */
  @Override
  public void close() {
    workers.shutdown();
    try {
      if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Handles one page's entries on the workers; false when interrupted while waiting for them. The
   * audit entries of the runs the page creates are written together once it is done.
   */
  private boolean handleAll(List<ScheduleEntry> entries, Instant now, TickReport report) {
    AuditTrail.Batch audited = audit.batch();
    RunJournal journal = new RunJournal(runs, audited.trail());
    List<Callable<Object>> tasks =
        entries.stream()
            .map(entry -> Executors.callable(() -> handleOne(entry, now, report, journal)))
            .toList();
    try {
      for (Future<Object> done : workers.invokeAll(tasks)) {
        done.get(); // only an Error gets here: handleOne classifies every RuntimeException
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // invokeAll has cancelled the entries not yet done
      return false;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      audited.flush();
    }
  }

  private void handleOne(ScheduleEntry entry, Instant now, TickReport report, RunJournal journal) {
    report.read();
    try {
      handle(entry, now, report, journal);
    } catch (VersionConflictException | NotFoundException raced) {
      report.conflict(); // another replica or an operator got there first; nothing is lost
    } catch (RuntimeException e) {
      report.failed(new StepFailure(entry.job().value(), e)); // tried again next tick
    }
  }

  private void handle(ScheduleEntry entry, Instant now, TickReport report, RunJournal journal) {
    Optional<Job> found = jobs.findJob(entry.job());
    if (found.isEmpty()) {
      schedule.deleteEntry(entry.job(), entry.version()); // left behind by a delete
      return;
    }
    Job job = found.get();
    if (job.paused()) {
      schedule.updateEntry(entry.dueAt(null)); // paused behind the definition service's back
    } else if (job.kind() == JobKind.STREAMING) {
      keeper.keep(job, entry, now, report);
    } else {
      extract(job, entry, now, report, journal);
    }
  }

  private void extract(
      Job job, ScheduleEntry entry, Instant now, TickReport report, RunJournal journal) {
    DueWindows windows =
        DueWindows.between(job.schedule(), entry.nextDueAt(), now, settings.catchUpCap());
    Instant last = entry.lastScheduledFor();
    String watermark = entry.watermark();
    Instant next = null;
    for (Instant at : windows.due()) {
      Optional<String> low = chain.lowAfter(job, last, watermark);
      if (low.isEmpty()) {
        next = at; // the previous id window's high is not fixed yet: this one waits
        break;
      }
      JobRun proposed = JobRun.scheduled(job.id(), at, WindowChain.window(job, low.get(), at), now);
      var outcome = journal.create(proposed, "window due at " + at);
      if (outcome.created()) {
        report.created();
      }
      // Chain from the run as stored: another replica may have created it first.
      watermark = outcome.value().window().high();
      last = at;
    }
    if (next == null) {
      next = job.schedule().nextAfter(last);
    }
    if (next.equals(entry.nextDueAt()) && windows.skipped() == 0) {
      return; // waiting on an open id window: nothing changed
    }
    ScheduleEntry advanced = entry.advanced(next, last, watermark);
    if (windows.skipped() == 0) {
      schedule.updateEntry(advanced);
      return;
    }
    String note =
        "skipped "
            + windows.skipped()
            + " missed windows "
            + windows.firstSkipped()
            + " to "
            + windows.lastSkipped()
            + " (catch-up cap "
            + settings.catchUpCap()
            + "); their rows are in the next window";
    ScheduleEntry stored = schedule.updateEntry(advanced.withAlert(note));
    // Recorded only by the replica whose advance won, so each skip is reported once.
    audit.record(
        "schedule.skip",
        EntityKind.JOB,
        job.id().value(),
        job.version(),
        now,
        entry,
        stored,
        new Attribution("scheduler", note));
    report.skipped(job.id() + ": " + note);
  }

  private static ExecutorService workers(int threads) {
    AtomicInteger count = new AtomicInteger();
    return Executors.newFixedThreadPool(
        threads,
        task -> {
          Thread thread = new Thread(task, "scheduler-tick-" + count.incrementAndGet());
          thread.setDaemon(true); // a scheduler nobody closed does not keep the JVM running
          return thread;
        });
  }
}
