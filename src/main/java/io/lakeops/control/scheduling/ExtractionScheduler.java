package io.lakeops.control.scheduling;

import io.lakeops.control.audit.Attribution;
import io.lakeops.control.audit.AuditTrail;
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
import java.util.Optional;

/**
 * The scheduler's tick: reads the due entries only, and for each due extraction job creates one run
 * per due window (oldest first, at most the catch-up cap), then advances the entry with a
 * conditional write. Streaming jobs' entries go to the {@link StreamingKeeper}.
 *
 * <p>Two replicas, or a tick repeated after a crash, do the same thing: run ids are deterministic
 * and windows are computed from the entry they read, so {@code createRunIfAbsent} makes the second
 * creation a no-op, and of two entry advances from the same version exactly one succeeds.
 */
public final class ExtractionScheduler {
  private final ScheduleStore schedule;
  private final JobStore jobs;
  private final RunStore runs;
  private final WindowChain chain;
  private final StreamingKeeper keeper;
  private final AuditTrail audit;
  private final SchedulerSettings settings;

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
  }

  public TickReport tick(Instant now) {
    TickReport report = new TickReport();
    Optional<String> cursor = Optional.empty();
    do {
      Page<ScheduleEntry> page =
          schedule.findDue(now, new PageRequest(settings.pageSize(), cursor));
      for (ScheduleEntry entry : page.items()) {
        report.read();
        try {
          handle(entry, now, report);
        } catch (VersionConflictException | NotFoundException raced) {
          report.conflict(); // another replica or an operator got there first; nothing is lost
        } catch (RuntimeException e) {
          report.failed(entry.job() + ": " + e.getMessage()); // tried again next tick
        }
      }
      cursor = page.next();
    } while (cursor.isPresent());
    return report;
  }

  private void handle(ScheduleEntry entry, Instant now, TickReport report) {
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
      extract(job, entry, now, report);
    }
  }

  private void extract(Job job, ScheduleEntry entry, Instant now, TickReport report) {
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
      var outcome = runs.createRunIfAbsent(proposed);
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
}
