package io.lakeops.docs;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AWS SDK v2 operations a source file calls, found by reading it: every variable, field or
 * parameter declared with a service client type ({@code EmrClient}, {@code DynamoDbClient}, {@code
 * S3Client}, {@code SqsClient}, …, imported or written out from {@code
 * software.amazon.awssdk.services.<service>}) and every method called on it. Each operation maps to
 * the IAM actions it needs: by AWS's naming rule ({@code runJobFlow} is {@code
 * elasticmapreduce:RunJobFlow}, a paginator its operation) unless {@link #OVERRIDES} says
 * otherwise.
 */
final class SdkCalls {
  private SdkCalls() {}

  /** One call of a client method in a source file. */
  record Call(String file, String service, String method) {
    String operation() {
      return method.endsWith("Paginator")
          ? method.substring(0, method.length() - "Paginator".length())
          : method;
    }
  }

  /** The IAM prefix of each SDK service package; a client of another service fails the test. */
  static final Map<String, String> IAM_PREFIXES =
      Map.ofEntries(
          Map.entry("emr", "elasticmapreduce"),
          Map.entry("dynamodb", "dynamodb"),
          Map.entry("cloudwatch", "cloudwatch"),
          Map.entry("s3", "s3"),
          Map.entry("sqs", "sqs"),
          Map.entry("secretsmanager", "secretsmanager"),
          Map.entry("sts", "sts"),
          Map.entry("kms", "kms"),
          Map.entry("eventbridge", "events"),
          Map.entry("cloudwatchlogs", "logs"));

  /**
   * Operations whose IAM actions are not their own name (from the IAM service authorization
   * reference): RunJobFlow passes the EMR roles; S3's listings are authorized as ListBucket, a head
   * and a read into bytes as GetObject; a transaction needs the action of each item it writes;
   * batch deletes need the single delete.
   */
  static final Map<String, Set<String>> OVERRIDES =
      Map.ofEntries(
          Map.entry("emr.runJobFlow", Set.of("elasticmapreduce:RunJobFlow", "iam:PassRole")),
          Map.entry(
              "dynamodb.transactWriteItems",
              Set.of(
                  "dynamodb:ConditionCheckItem",
                  "dynamodb:PutItem",
                  "dynamodb:UpdateItem",
                  "dynamodb:DeleteItem")),
          Map.entry("dynamodb.transactGetItems", Set.of("dynamodb:GetItem")),
          Map.entry("s3.listObjectsV2", Set.of("s3:ListBucket")),
          Map.entry("s3.listObjects", Set.of("s3:ListBucket")),
          Map.entry("s3.headBucket", Set.of("s3:ListBucket")),
          Map.entry("s3.headObject", Set.of("s3:GetObject")),
          Map.entry("s3.getObjectAsBytes", Set.of("s3:GetObject")),
          Map.entry("s3.deleteObjects", Set.of("s3:DeleteObject")),
          Map.entry("s3.copyObject", Set.of("s3:GetObject", "s3:PutObject")),
          Map.entry("sqs.deleteMessageBatch", Set.of("sqs:DeleteMessage")),
          Map.entry("sqs.sendMessageBatch", Set.of("sqs:SendMessage")),
          Map.entry("sqs.changeMessageVisibilityBatch", Set.of("sqs:ChangeMessageVisibility")),
          Map.entry(
              "secretsmanager.batchGetSecretValue",
              Set.of("secretsmanager:BatchGetSecretValue", "secretsmanager:GetSecretValue")),
          // Needs no permission: STS answers who the caller is to anyone.
          Map.entry("sts.getCallerIdentity", Set.of()));

  /** Methods of a client that are not AWS operations. */
  private static final Set<String> NOT_OPERATIONS =
      Set.of(
          "close",
          "serviceName",
          "serviceClientConfiguration",
          "utilities",
          "waiter",
          "presigner",
          "builder",
          "create");

  private static final Pattern CLIENT_TYPE =
      Pattern.compile("software\\.amazon\\.awssdk\\.services\\.(\\w+)\\.(\\w+Client)\\b");

  /** The client calls in one source file. */
  static List<Call> in(String file, String source) {
    Map<String, String> serviceOfType = new LinkedHashMap<>();
    Matcher types = CLIENT_TYPE.matcher(source);
    while (types.find()) {
      serviceOfType.put(types.group(2), types.group(1));
    }
    Map<String, String> serviceOfVariable = new LinkedHashMap<>();
    serviceOfType.forEach(
        (type, service) -> {
          Matcher declared = Pattern.compile("\\b" + type + "\\s+(\\w+)\\s*[=;,)]").matcher(source);
          while (declared.find()) {
            serviceOfVariable.put(declared.group(1), service);
          }
        });
    Set<Call> calls = new LinkedHashSet<>();
    serviceOfVariable.forEach(
        (variable, service) -> {
          Matcher called =
              Pattern.compile("\\b" + variable + "\\s*(?:\\.\\s*(\\w+)\\s*\\(|::\\s*(\\w+))")
                  .matcher(source);
          while (called.find()) {
            String method = called.group(1) != null ? called.group(1) : called.group(2);
            if (!NOT_OPERATIONS.contains(method) && Character.isLowerCase(method.charAt(0))) {
              calls.add(new Call(file, service, method));
            }
          }
        });
    return List.copyOf(calls);
  }

  /** The IAM actions one call needs. */
  static Set<String> actions(Call call) {
    String operation = call.operation();
    Set<String> special = OVERRIDES.get(call.service() + "." + operation);
    if (special != null) {
      return special;
    }
    String prefix = IAM_PREFIXES.get(call.service());
    if (prefix == null) {
      throw new IllegalStateException(
          call.file()
              + " calls "
              + operation
              + " on a client of service package '"
              + call.service()
              + "', whose IAM prefix SdkCalls.IAM_PREFIXES does not know yet: add it, then the"
              + " actions to docs/aws/lakeops.yaml and docs/aws-deployment.md");
    }
    return Set.of(
        prefix + ":" + operation.substring(0, 1).toUpperCase(Locale.ROOT) + operation.substring(1));
  }
}
