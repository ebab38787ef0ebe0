package io.lakeops.adapters.spark;

import io.lakeops.adapters.lake.SchemaFingerprints;
import io.lakeops.adapters.sources.ConfiguredSources;
import io.lakeops.config.SourcesConfig;
import io.lakeops.domain.ExtractionSpec;
import io.lakeops.domain.Identifiers;
import io.lakeops.domain.InputWindow;
import io.lakeops.domain.Job;
import io.lakeops.domain.JobRun;
import io.lakeops.domain.RunState;
import io.lakeops.domain.WatermarkKind;
import io.lakeops.jobs.contract.ExtractionArg;
import io.lakeops.ports.PageRequest;
import io.lakeops.ports.RunQuery;
import io.lakeops.ports.RunStore;
import io.lakeops.ports.SubmissionRejectedException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The arguments of {@code ExtractionJob} for one run (docs/spark-jobs.md, "Arguments"): the source
 * by reference, the run's fixed window, and what the job's checks compare against — the schema and
 * row counts of the job's latest successful runs.
 */
final class ExtractionArgs {
  /** Successful runs whose row counts make the anomaly check's baseline. */
  static final int RECENT_RUNS = 5;

  /**
   * The low end of a first window, which is empty (a full first load) while the job needs one. For
   * ids, the smallest long. For timestamps, 1000-01-01T00:00:00Z, the smallest MySQL DATETIME: an
   * epoch low would silently skip sentinel values such as 1900-01-01 that legacy tables keep in
   * update columns, while TIMESTAMP values (1970 onwards) still compare above it in the job's UTC
   * session, and Spark parses it as the lower bound of its partition stride (both checked against
   * MariaDB 10.11 and a local run of the job). The price, for either kind: the stride starts there,
   * so a full first load reads its rows in the last of its partitions.
   */
  static final String FIRST_ID = Long.toString(Long.MIN_VALUE);

  static final String FIRST_TIMESTAMP = "1000-01-01T00:00:00Z";

  private final ConfiguredSources sources;
  private final String lake;
  private final RunStore runs;
  private final SchemaFingerprints fingerprints;

  ExtractionArgs(
      ConfiguredSources sources, String lake, RunStore runs, SchemaFingerprints fingerprints) {
    this.sources = sources;
    this.lake = lake;
    this.runs = runs;
    this.fingerprints = fingerprints;
  }

  List<String> of(Job job, JobRun run) {
    ExtractionSpec spec = job.extraction();
    requireIdentifiers(job, spec);
    InputWindow window = run.window();
    if (window.high().isEmpty()) {
      throw new SubmissionRejectedException(
          "run " + run.id() + " has no fixed window high; an id window's is fixed at submission");
    }
    SourcesConfig.Source source = sources.require(spec.source(), "job " + job.id());
    ArgList args =
        new ArgList()
            .add(ExtractionArg.JDBC_URL, source.jdbcUrl())
            .addIfPresent(ExtractionArg.USER, source.user())
            .addIfPresent(ExtractionArg.PASSWORD_REF, source.passwordRef())
            .add(ExtractionArg.TABLE, spec.table())
            .add(ExtractionArg.KEY, String.join(",", spec.keyColumns()))
            .add(ExtractionArg.WATERMARK_COLUMN, spec.watermarkColumn())
            .add(ExtractionArg.WATERMARK_KIND, lower(spec.watermarkKind()))
            .add(ExtractionArg.RUN_ID, run.id().value())
            .add(ExtractionArg.ATTEMPT, run.attempt())
            .add(
                ExtractionArg.WINDOW_LOW,
                window.low().isEmpty() ? first(spec.watermarkKind()) : window.low())
            .add(ExtractionArg.WINDOW_HIGH, window.high())
            .add(ExtractionArg.OUTPUT, lake)
            .add(ExtractionArg.PARALLELISM, spec.parallelism())
            .add(ExtractionArg.FETCH_SIZE, spec.fetchSize())
            .add(ExtractionArg.SEVERITY_KEY_NOT_NULL, lower(spec.keyCheck()))
            .add(ExtractionArg.SEVERITY_KEY_UNIQUE, lower(spec.keyCheck()))
            .add(ExtractionArg.SEVERITY_ROW_COUNT, lower(spec.rowCountCheck()))
            .add(ExtractionArg.ROW_COUNT_TOLERANCE, spec.rowCountTolerance());
    List<JobRun> recent = recentSuccesses(job);
    args.addIfPresent(ExtractionArg.LAST_SCHEMA, lastSchema(spec, recent));
    List<String> counts =
        recent.stream()
            .filter(r -> r.result() != null)
            .map(r -> Long.toString(r.result().rowsRead()))
            .toList();
    if (!counts.isEmpty()) {
      args.add(ExtractionArg.RECENT_COUNTS, String.join(",", counts));
    }
    return args.toList();
  }

  /** Newest first. */
  private List<JobRun> recentSuccesses(Job job) {
    RunQuery succeeded =
        new RunQuery(Optional.of(RunState.SUCCEEDED), Optional.of(job.id()), Optional.empty());
    return runs.findRuns(succeeded, PageRequest.first(RECENT_RUNS)).items();
  }

  /** The schema the newest successful run with a manifest saw; none before the first. */
  private Optional<String> lastSchema(ExtractionSpec spec, List<JobRun> recent) {
    return recent.stream()
        .map(r -> fingerprints.of(spec.table(), r.id()))
        .flatMap(Optional::stream)
        .findFirst();
  }

  /**
   * Validated when the job was defined; checked again because a job written into the store by
   * another writer never met the validator, and these names end up in the job's SQL.
   */
  private static void requireIdentifiers(Job job, ExtractionSpec spec) {
    boolean plain =
        Identifiers.isSqlIdentifier(spec.table())
            && Identifiers.isSqlIdentifier(spec.watermarkColumn())
            && !spec.keyColumns().isEmpty()
            && spec.keyColumns().stream().allMatch(Identifiers::isSqlIdentifier);
    if (!plain) {
      throw new SubmissionRejectedException(
          "job " + job.id() + " names a table or column that is not a plain SQL identifier");
    }
  }

  private static String first(WatermarkKind kind) {
    return kind == WatermarkKind.ID ? FIRST_ID : FIRST_TIMESTAMP;
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
