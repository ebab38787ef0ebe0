package io.lakeops.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakeops.domain.ClusterState;
import io.lakeops.domain.JobKind;
import io.lakeops.domain.RunState;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/runbook.md explains every audit action the console records. The actions are read from the
 * sources that write audit entries (the control plane, and any other file using {@code
 * AuditTrail}): literal {@code "<area>.<verb>"} strings, and actions built from a state ({@code
 * "run." + state}, {@code "cluster." + state}), which stand for every value of that state enum. An
 * action built from anything else fails the test until it is taught here.
 */
class RunbookAuditActionsTest {
  static final String RUNBOOK = "docs/runbook.md";
  private static final Pattern LITERAL = Pattern.compile("\"([a-z]+)\\.([a-z][a-z-]*)\"");
  private static final Pattern BUILT = Pattern.compile("\"([a-z]+)\\.\"\\s*\\+");

  /** The enums whose values name the actions built as {@code "<area>." + state}. */
  private static final Map<String, Class<? extends Enum<?>>> BUILT_FROM =
      Map.of("run", RunState.class, "cluster", ClusterState.class);

  /** Literals of this shape that are not actions: job definitions' field names. */
  private static final Set<String> FIELD_GROUPS =
      Arrays.stream(JobKind.values())
          .map(k -> k.name().toLowerCase(Locale.ROOT))
          .collect(Collectors.toSet());

  static Map<String, Set<String>> actions; // action -> files that record it

  @BeforeAll
  static void read() {
    actions = new TreeMap<>();
    Path main = RepoFiles.root().resolve("src/main/java");
    for (Path file : RepoFiles.mainSources()) {
      String name = main.relativize(file).toString();
      String text = RepoFiles.text(file);
      if (!name.startsWith("io/lakeops/control/") && !text.contains("AuditTrail")) {
        continue;
      }
      Matcher literal = LITERAL.matcher(text);
      while (literal.find()) {
        if (!FIELD_GROUPS.contains(literal.group(1))) {
          actions
              .computeIfAbsent(literal.group(0).replace("\"", ""), a -> new TreeSet<>())
              .add(name);
        }
      }
      Matcher built = BUILT.matcher(text);
      while (built.find()) {
        Class<? extends Enum<?>> states = BUILT_FROM.get(built.group(1));
        assertThat(states)
            .as(
                "%s builds audit actions \"%s.\" + …; teach this test what they can be",
                name, built.group(1))
            .isNotNull();
        for (Enum<?> state : states.getEnumConstants()) {
          actions
              .computeIfAbsent(
                  built.group(1) + "." + state.name().toLowerCase(Locale.ROOT),
                  a -> new TreeSet<>())
              .add(name);
        }
      }
    }
  }

  @Test
  void theScanFindsTheKnownActions() {
    assertThat(actions)
        .containsKeys(
            "job.create",
            "run.rerun",
            "run.retry",
            "run.lost",
            "cluster.rotate",
            "cluster.failed",
            "schedule.skip",
            "external.change");
  }

  @Test
  void everyAuditActionIsInTheRunbook() {
    String runbook = RepoFiles.read(RUNBOOK);
    Map<String, Set<String>> missing = new TreeMap<>(actions);
    missing.keySet().removeIf(action -> runbook.contains("| `" + action + "` |"));
    assertThat(missing)
        .as("audit actions the code records that %s's audit table does not explain", RUNBOOK)
        .isEmpty();
  }
}
