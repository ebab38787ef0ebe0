package io.lakeops.control.overview;

import io.lakeops.domain.Freshness;
import io.lakeops.domain.Job;
import io.lakeops.domain.JobId;
import io.lakeops.domain.JobKind;
import io.lakeops.domain.JobRun;
import io.lakeops.domain.RunState;
import io.lakeops.ports.JobStore;
import io.lakeops.ports.PageRequest;
import io.lakeops.ports.RunQuery;
import io.lakeops.ports.RunStore;
import io.lakeops.ports.StreamingProgress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lake at a glance, read with a bounded number of store calls whatever the installation's size:
 * the first {@value #JOBS} jobs, the newest {@value #RECENT_RUNS} runs (one read each), and for
 * each of those extraction jobs whose last success is older than those runs, one read of its latest
 * succeeded run; a streaming job's progress comes from its progress file.
 */
public final class LakeOverview {
  static final int JOBS = 50;
  static final int RECENT_RUNS = 200;
  static final int RUNS_PER_JOB = 10;

  /**
   * One reading.
   *
   * @param moreJobs whether the installation has more jobs than {@code jobs} holds
   * @param recentRuns the installation's newest runs, newest first
   */
  public record Reading(
      Instant at, List<JobFacts> jobs, boolean moreJobs, List<JobRun> recentRuns) {
    public Reading {
      jobs = List.copyOf(jobs);
      recentRuns = List.copyOf(recentRuns);
    }
  }

  private final JobStore jobs;
  private final RunStore runs;
  private final StreamingProgress progress;
  private final Clock clock;

  public LakeOverview(JobStore jobs, RunStore runs, StreamingProgress progress, Clock clock) {
    this.jobs = jobs;
    this.runs = runs;
    this.progress = progress;
    this.clock = clock;
  }

  public Reading read() {
    Instant now = clock.instant();
    var jobPage = jobs.listJobs(PageRequest.first(JOBS));
    List<JobRun> recent = runs.findRuns(RunQuery.ALL, PageRequest.first(RECENT_RUNS)).items();
    Map<JobId, List<JobRun>> byJob = new LinkedHashMap<>();
    for (JobRun run : recent) {
      byJob.computeIfAbsent(run.jobId(), id -> new ArrayList<>()).add(run);
    }
    Map<JobId, Job> shown = new LinkedHashMap<>();
    byJob.forEach(
        (id, ofJob) -> {
          RunState latest = ofJob.get(0).state();
          if (shown.size() < JOBS && (latest == RunState.FAILED || latest == RunState.LOST)) {
            jobs.findJob(id).ifPresent(job -> shown.put(id, job));
          }
        });
    for (Job job : jobPage.items()) {
      if (shown.size() < JOBS) {
        shown.putIfAbsent(job.id(), job);
      }
    }
    List<JobFacts> facts = new ArrayList<>();
    for (Job job : shown.values()) {
      facts.add(factsOf(job, byJob.getOrDefault(job.id(), List.of()), now));
    }
    boolean more = jobPage.next().isPresent() || shown.size() < jobPage.items().size();
    return new Reading(now, facts, more, recent);
  }

  private JobFacts factsOf(Job job, List<JobRun> ofJob, Instant now) {
    List<JobRun> newest = ofJob.subList(0, Math.min(RUNS_PER_JOB, ofJob.size()));
    if (job.kind() == JobKind.STREAMING) {
      return new JobFacts(
          job, newest, Optional.empty(), Optional.empty(), progress.latest(job.id()));
    }
    Optional<JobRun> succeeded = newestWindowSucceeded(ofJob);
    if (succeeded.isEmpty()) {
      succeeded =
          runs
              .findRuns(
                  new RunQuery(
                      Optional.of(RunState.SUCCEEDED), Optional.of(job.id()), Optional.empty()),
                  PageRequest.first(1))
              .items()
              .stream()
              .findFirst();
    }
    Optional<Freshness> freshness =
        job.schedule() == null
            ? Optional.empty()
            : Optional.of(
                Freshness.of(
                    job.schedule(), succeeded.map(JobRun::scheduledFor), job.paused(), now));
    return new JobFacts(job, newest, succeeded, freshness, Optional.empty());
  }

  /** Of the runs read, the succeeded one over the newest window (a re-run may be of an old one). */
  private static Optional<JobRun> newestWindowSucceeded(List<JobRun> ofJob) {
    return ofJob.stream()
        .filter(r -> r.state() == RunState.SUCCEEDED)
        .max(Comparator.comparing(JobRun::scheduledFor));
  }
}
