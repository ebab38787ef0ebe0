package io.lakeops.control.scheduling;

import io.lakeops.control.scheduling.ControlLoop.PassReport;
import io.lakeops.domain.Cluster;
import io.lakeops.ports.ClusterSignal;
import io.lakeops.ports.ClusterSignals;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Turns cluster signals (EMR state-change events) into a leader pass at once, instead of at the
 * next poll. Only the leader receives; a signal about a cluster that is not one of this console's
 * live clusters (another console's, one already handled, a duplicate) is acknowledged and nothing
 * else. Signals about the console's clusters make one pass, whose describe checks what they claim
 * (a late TERMINATED for a cluster the provider still runs changes nothing), and are acknowledged
 * only after a pass that led and reconciled: otherwise they come back for the next try.
 */
public final class ClusterSignalFeed {
  private final ClusterSignals signals;
  private final ControlLoop loop;
  private final Supplier<List<Cluster>> liveClusters;
  private final Clock clock;

  /**
   * @param liveClusters the console's live clusters (the lifecycle's reading of the store)
   */
  public ClusterSignalFeed(
      ClusterSignals signals, ControlLoop loop, Supplier<List<Cluster>> liveClusters, Clock clock) {
    this.signals = signals;
    this.loop = loop;
    this.liveClusters = liveClusters;
    this.clock = clock;
  }

  /**
   * What one receive did.
   *
   * @param leading false when this replica does not lead: it received nothing
   * @param checked clusters of this console a pass looked at because of a signal
   * @param ignored signals and messages about anything else, acknowledged without a pass
   * @param garbage messages that could not be read, dropped by the adapter
   * @param deferred signals left unacknowledged because the pass did not lead or failed
   * @param pass the pass made, or null
   */
  public record Outcome(
      boolean leading, int checked, int ignored, int garbage, int deferred, PassReport pass) {
    static final Outcome FOLLOWER = new Outcome(false, 0, 0, 0, 0, null);
  }

  /** Receives once (a long poll) and acts on what came. */
  public Outcome once() {
    if (!loop.leading()) {
      return Outcome.FOLLOWER; // the leader's receive gets them
    }
    ClusterSignals.Batch batch = signals.receive();
    if (batch.signals().isEmpty()) {
      return new Outcome(true, 0, batch.ignored(), batch.garbage(), 0, null);
    }
    Set<String> ours =
        liveClusters.get().stream()
            .map(Cluster::providerId)
            .filter(Objects::nonNull)
            .collect(Collectors.toSet());
    Map<String, ClusterSignal> toCheck = new LinkedHashMap<>();
    List<ClusterSignal> acted = new ArrayList<>();
    int ignored = batch.ignored();
    for (ClusterSignal signal : batch.signals()) {
      if (!ours.contains(signal.providerId())) {
        signals.handled(signal);
        ignored++;
        continue;
      }
      acted.add(signal);
      toCheck.merge(signal.providerId(), signal, ClusterSignalFeed::telling);
    }
    if (toCheck.isEmpty()) {
      return new Outcome(true, 0, ignored, batch.garbage(), 0, null);
    }
    PassReport pass = loop.pass(clock.instant(), toCheck);
    boolean reconciled =
        pass.leader() && pass.failures().stream().noneMatch(f -> f.step().equals("clusters"));
    if (!reconciled) {
      return new Outcome(pass.leader(), 0, ignored, batch.garbage(), acted.size(), pass);
    }
    acted.forEach(signals::handled);
    return new Outcome(true, toCheck.size(), ignored, batch.garbage(), 0, pass);
  }

  /** Of two signals about one cluster, the one that tells of an end, else the earlier. */
  private static ClusterSignal telling(ClusterSignal a, ClusterSignal b) {
    if (a.claimsAnEnd() != b.claimsAnEnd()) {
      return a.claimsAnEnd() ? a : b;
    }
    return b.at() != null && a.at() != null && b.at().isBefore(a.at()) ? b : a;
  }
}
