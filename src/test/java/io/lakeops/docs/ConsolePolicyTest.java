package io.lakeops.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's IAM policy in docs/aws/lakeops.yaml grants exactly what the console's AWS SDK calls
 * need: a call whose action the policy lacks fails here (so a new client, such as the S3 run
 * results or the SQS event consumer, cannot be merged without its permission), and so does an
 * action no call needs, apart from the few listed below with their reason. docs/aws-deployment.md
 * justifies each action by its call; this test keeps that table honest too.
 */
class ConsolePolicyTest {
  static final String TEMPLATE = "docs/aws/lakeops.yaml";
  static final String GUIDE = "docs/aws-deployment.md";

  /** Granted though no call names them, with the reason. */
  static final Map<String, String> AHEAD_OF_CODE =
      Map.of(
          "s3:ListBucket",
          "without it S3 answers a GetObject of a missing key with 403 instead of 404, so a"
              + " manifest not yet written would read as a failure");

  /** Called by the console but deliberately not granted on AWS. */
  static final Map<String, String> NOT_GRANTED =
      Map.of(
          "dynamodb:CreateTable",
          "only with lakeops.store.dynamodb.create-tables=true (local servers, tests);"
              + " on AWS the template makes the tables");

  /** Actions that take no resource-level permission, so only they may have Resource "*". */
  static final Set<String> ANY_RESOURCE =
      Set.of(
          "elasticmapreduce:RunJobFlow",
          "elasticmapreduce:ListClusters",
          "cloudwatch:GetMetricData");

  static JsonNode template;
  static Map<String, Set<String>> needed; // action -> the calls (file: method) that need it

  @BeforeAll
  static void read() throws Exception {
    template = new YAMLMapper().readTree(RepoFiles.read(TEMPLATE));
    needed = new TreeMap<>();
    for (Path file : RepoFiles.mainSources()) {
      String name = RepoFiles.root().resolve("src/main/java").relativize(file).toString();
      for (SdkCalls.Call call : SdkCalls.in(name, RepoFiles.text(file))) {
        for (String action : SdkCalls.actions(call)) {
          needed
              .computeIfAbsent(action, a -> new TreeSet<>())
              .add(call.file() + ": " + call.method());
        }
      }
    }
  }

  @Test
  void theScanFindsTheCallsTheConsoleIsKnownToMake() {
    // If this fails the scanner has gone blind (a refactoring it cannot follow), not the policy.
    assertThat(needed)
        .containsKeys(
            "elasticmapreduce:RunJobFlow",
            "elasticmapreduce:DescribeCluster",
            "elasticmapreduce:ListClusters",
            "elasticmapreduce:ListInstances",
            "elasticmapreduce:TerminateJobFlows",
            "iam:PassRole",
            "dynamodb:GetItem",
            "dynamodb:PutItem",
            "dynamodb:UpdateItem",
            "dynamodb:DeleteItem",
            "dynamodb:Query",
            "cloudwatch:GetMetricData");
  }

  @Test
  void everyCallHasItsActionInThePolicy() {
    Set<String> granted = granted();
    Map<String, Set<String>> missing = new TreeMap<>(needed);
    missing.keySet().removeAll(granted);
    missing.keySet().removeAll(NOT_GRANTED.keySet());
    assertThat(missing)
        .as(
            "AWS SDK calls of the console whose IAM action %s does not grant (add each to"
                + " ConsolePolicy and justify it in %s)",
            TEMPLATE, GUIDE)
        .isEmpty();
  }

  @Test
  void thePolicyGrantsNothingNoCallNeeds() {
    Set<String> unneeded = new TreeSet<>(granted());
    unneeded.removeAll(needed.keySet());
    unneeded.removeAll(AHEAD_OF_CODE.keySet());
    assertThat(unneeded)
        .as("actions of ConsolePolicy that no SDK call of the console needs")
        .isEmpty();
  }

  @Test
  void whatIsNotGrantedIsStillCalled() {
    assertThat(needed.keySet())
        .as("NOT_GRANTED lists calls the console no longer makes; remove them")
        .containsAll(NOT_GRANTED.keySet());
    assertThat(granted()).doesNotContainAnyElementsOf(NOT_GRANTED.keySet());
  }

  @Test
  void resourcesAreScopedWhereIamAllowsIt() {
    for (JsonNode statement : statements()) {
      assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
      List<String> actions = strings(statement.path("Action"));
      assertThat(actions).noneMatch(a -> a.contains("*"));
      if (strings(statement.path("Resource")).contains("*")) {
        assertThat(ANY_RESOURCE)
            .as("statement %s grants on every resource", statement.path("Sid").asText())
            .containsAll(actions);
      }
    }
  }

  @Test
  void clustersAreLaunchedAndTouchedOnlyWithTheConsolesTag() {
    JsonNode launch = statementWith("elasticmapreduce:RunJobFlow");
    assertThat(launch.at("/Condition/StringEquals/aws:RequestTag~1lakeops:console/Ref").asText())
        .isEqualTo("ConsoleId");
    JsonNode own = statementWith("elasticmapreduce:TerminateJobFlows");
    assertThat(strings(own.path("Action")))
        .contains("elasticmapreduce:DescribeCluster", "elasticmapreduce:ListInstances");
    assertThat(own.at("/Condition/StringEquals/aws:ResourceTag~1lakeops:console/Ref").asText())
        .isEqualTo("ConsoleId");
  }

  @Test
  void passRoleOnlyForTheTwoEmrRoles() {
    List<String> passed = new ArrayList<>();
    for (JsonNode statement : statements()) {
      if (strings(statement.path("Action")).contains("iam:PassRole")) {
        assertThat(strings(statement.path("Action"))).containsExactly("iam:PassRole");
        passed.add(statement.at("/Resource/Fn::GetAtt/0").asText());
        assertThat(statement.at("/Condition/StringLike/iam:PassedToService").asText()).isNotBlank();
      }
    }
    assertThat(passed).containsExactlyInAnyOrder("EmrServiceRole", "EmrInstanceRole");
  }

  @Test
  void theConsoleRoleCarriesThePolicy() {
    JsonNode arns = template.at("/Resources/ConsoleRole/Properties/ManagedPolicyArns");
    assertThat(arns.findValuesAsText("Ref")).containsExactly("ConsolePolicy");
    assertThat(template.at("/Resources/ConsoleRole/Properties/Policies").isMissingNode()).isTrue();
  }

  @Test
  void theGuideJustifiesEveryGrantedAction() {
    String guide = RepoFiles.read(GUIDE);
    assertThat(granted())
        .allSatisfy(action -> assertThat(guide).as(GUIDE).contains("`" + action + "`"));
  }

  private static Set<String> granted() {
    Set<String> actions = new TreeSet<>();
    statements().forEach(s -> actions.addAll(strings(s.path("Action"))));
    return actions;
  }

  private static List<JsonNode> statements() {
    JsonNode node = template.at("/Resources/ConsolePolicy/Properties/PolicyDocument/Statement");
    assertThat(node.isArray()).as("ConsolePolicy's statements in " + TEMPLATE).isTrue();
    List<JsonNode> list = new ArrayList<>();
    node.forEach(list::add);
    return list;
  }

  private static JsonNode statementWith(String action) {
    return statements().stream()
        .filter(s -> strings(s.path("Action")).contains(action))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no statement grants " + action));
  }

  private static List<String> strings(JsonNode node) {
    List<String> values = new ArrayList<>();
    if (node.isTextual()) {
      values.add(node.asText());
    } else if (node.isArray()) {
      node.forEach(n -> values.add(n.isTextual() ? n.asText() : n.toString()));
    } else if (!node.isMissingNode()) {
      values.add(node.toString());
    }
    return values;
  }
}
