package io.lakeops.testdata;

import io.lakeops.ports.LogPage;
import io.lakeops.ports.SparkSubmitter;
import io.lakeops.ports.Submission;
import io.lakeops.ports.SubmissionState;
import io.lakeops.ports.SubmissionStatus;
import io.lakeops.ports.SubmitRequest;
import io.lakeops.ports.SubmitterUnavailableException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A submission endpoint in memory: remembers names, answers set states, can be made unreachable.
 */
public final class FakeSparkSubmitter implements SparkSubmitter {
  private final Map<String, Submission> byName = new HashMap<>();
  private final Map<String, SubmissionState> states = new HashMap<>();
  private final List<String> submitted = new ArrayList<>();
  private boolean unreachable;

  /** Names submitted through {@link #submit}, in order (re-attaches are not submissions). */
  public List<String> submittedNames() {
    return List.copyOf(submitted);
  }

  public void unreachable(boolean value) {
    unreachable = value;
  }

  /** A submission the endpoint knows already, as after a console restart. */
  public Submission known(String name) {
    Submission s = new Submission("b" + (byName.size() + 1), name);
    byName.put(name, s);
    states.put(s.id(), SubmissionState.STARTING);
    return s;
  }

  public void set(String submissionId, SubmissionState state) {
    states.put(submissionId, state);
  }

  /** The endpoint forgets the submission, as Livy does after a restart. */
  public void forget(String submissionId) {
    states.remove(submissionId);
  }

  @Override
  public Submission submit(String endpoint, SubmitRequest request) {
    reachable();
    submitted.add(request.name());
    return known(request.name());
  }

  @Override
  public boolean answers(String endpoint) {
    return !unreachable;
  }

  @Override
  public SubmissionStatus status(String endpoint, String submissionId) {
    reachable();
    SubmissionState state = states.getOrDefault(submissionId, SubmissionState.UNKNOWN);
    return new SubmissionStatus(state, state.name().toLowerCase(), null);
  }

  @Override
  public Optional<Submission> findByName(String endpoint, String name) {
    reachable();
    return Optional.ofNullable(byName.get(name));
  }

  @Override
  public LogPage log(String endpoint, String submissionId, int from, int size) {
    return new LogPage(from, 0, List.of());
  }

  @Override
  public void kill(String endpoint, String submissionId) {
    reachable();
    states.put(submissionId, SubmissionState.KILLED);
  }

  private void reachable() {
    if (unreachable) {
      throw new SubmitterUnavailableException("endpoint unreachable", null);
    }
  }
}
