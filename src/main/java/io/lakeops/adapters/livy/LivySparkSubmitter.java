package io.lakeops.adapters.livy;

import io.lakeops.config.LivyConfig;
import io.lakeops.ports.LogPage;
import io.lakeops.ports.SparkSubmitter;
import io.lakeops.ports.Submission;
import io.lakeops.ports.SubmissionRejectedException;
import io.lakeops.ports.SubmissionState;
import io.lakeops.ports.SubmissionStatus;
import io.lakeops.ports.SubmitRequest;
import io.lakeops.ports.SubmitterUnavailableException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Submits and follows Spark applications as Livy batches, on EMR and on local clusters alike. The
 * batch name is the run attempt's name, and Livy refuses a second batch of the same name, so a
 * submit is idempotent: a repeated or retried submit finds the earlier batch instead of starting
 * another.
 */
@ApplicationScoped
class LivySparkSubmitter implements SparkSubmitter {
  private static final Logger LOG = Logger.getLogger(LivySparkSubmitter.class);
  private static final String DEPLOY_MODE = "spark.submit.deployMode";

  private final LivySettings settings;
  private final LivyEndpoints endpoints;
  private final LivyCalls calls;
  private final KilledBatches killed;

  @Inject
  LivySparkSubmitter(LivyConfig config) {
    this(LivySettings.from(config));
  }

  LivySparkSubmitter(LivySettings settings) {
    this.settings = settings;
    this.endpoints = new LivyEndpoints(settings);
    this.calls = new LivyCalls(endpoints, settings);
    this.killed = new KilledBatches(settings.rememberedKills());
  }

  @Override
  public Submission submit(String endpoint, SubmitRequest request) {
    LivyJson.BatchRequest body = toLivy(request);
    AtomicInteger attempt = new AtomicInteger();
    return calls.retrying(
        () -> {
          // A failed POST may still have created the batch (the answer was lost): look before
          // posting again. Livy's unique names make a second POST safe anyway; this keeps it quiet.
          if (attempt.getAndIncrement() > 0) {
            Optional<Submission> earlier = scanForName(endpoint, request.name());
            if (earlier.isPresent()) {
              return earlier.get();
            }
          }
          try {
            LivyJson.Batch batch =
                calls.once(endpoint, "submit of " + request.name(), api -> api.create(body));
            return new Submission(String.valueOf(batch.id()), request.name());
          } catch (LivyFailures.DuplicateName duplicate) {
            LOG.infof("batch %s already on %s; re-attaching", request.name(), endpoint);
            return scanForName(endpoint, request.name())
                .orElseThrow(() -> new SubmissionRejectedException(duplicate.getMessage()));
          }
        });
  }

  @Override
  public boolean answers(String endpoint) {
    try {
      calls.once(endpoint, "ping", api -> api.list(0, 1));
      return true;
    } catch (SubmitterUnavailableException down) {
      return false;
    }
  }

  @Override
  public SubmissionStatus status(String endpoint, String submissionId) {
    try {
      LivyJson.Batch batch =
          calls.read(endpoint, "state of batch " + submissionId, api -> api.get(submissionId));
      return new SubmissionStatus(LivyBatchState.map(batch.state()), batch.state(), batch.appId());
    } catch (LivyFailures.NotFound e) {
      return killed.contains(endpoint, submissionId)
          ? new SubmissionStatus(SubmissionState.KILLED, "deleted", null)
          : new SubmissionStatus(SubmissionState.UNKNOWN, "not found", null);
    }
  }

  @Override
  public Optional<Submission> findByName(String endpoint, String name) {
    return calls.retrying(() -> scanForName(endpoint, name));
  }

  @Override
  public LogPage log(String endpoint, String submissionId, int from, int size) {
    if (from < 0 || size < 1) {
      throw new IllegalArgumentException("log page from " + from + " size " + size);
    }
    try {
      LivyJson.Log log =
          calls.read(
              endpoint, "log of batch " + submissionId, api -> api.log(submissionId, from, size));
      return new LogPage(log.from(), log.total(), log.log());
    } catch (LivyFailures.NotFound e) {
      return new LogPage(from, 0, List.of());
    }
  }

  @Override
  public void kill(String endpoint, String submissionId) {
    // Livy deletes whatever it is asked to, finished or not, and then forgets it: deleting a
    // finished batch would erase its outcome, so only a live one is deleted.
    if (status(endpoint, submissionId).state().isFinished()) {
      return;
    }
    try {
      calls.read(endpoint, "kill of batch " + submissionId, api -> api.delete(submissionId));
      killed.add(endpoint, submissionId);
    } catch (LivyFailures.NotFound e) {
      LOG.debugf("batch %s on %s ended before it could be killed", submissionId, endpoint);
    }
  }

  /** Pages through the endpoint's batches (one call per page, no retry of its own). */
  private Optional<Submission> scanForName(String endpoint, String name) {
    int size = settings.listPageSize();
    LivyJson.Batch found = null;
    int from = 0;
    while (true) {
      int pageFrom = from;
      LivyJson.Batches page =
          calls.once(endpoint, "list of batches", api -> api.list(pageFrom, size));
      for (LivyJson.Batch b : page.sessions()) {
        // Names are unique while Livy knows the batch; prefer the newest should a Livy repeat one.
        if (name.equals(b.name()) && (found == null || b.id() > found.id())) {
          found = b;
        }
      }
      from += page.sessions().size();
      if (page.sessions().isEmpty() || from >= page.total()) {
        break;
      }
    }
    return Optional.ofNullable(found).map(b -> new Submission(String.valueOf(b.id()), b.name()));
  }

  private LivyJson.BatchRequest toLivy(SubmitRequest request) {
    Map<String, String> conf = new LinkedHashMap<>(request.conf());
    settings.deployMode().ifPresent(mode -> conf.putIfAbsent(DEPLOY_MODE, mode));
    return new LivyJson.BatchRequest(
        request.jar(), request.mainClass(), request.args(), conf, request.name());
  }

  @PreDestroy
  void close() {
    endpoints.close();
  }
}
