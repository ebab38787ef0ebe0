package io.lakeops.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The scanner behind ConsolePolicyTest finds clients it has never seen, in any declaration. */
class SdkCallsTest {

  @Test
  void findsCallsOnFieldsParametersAndMethodReferencesOfAnyServiceClient() {
    String source =
        """
        import software.amazon.awssdk.services.sqs.SqsClient;
        import software.amazon.awssdk.services.s3.S3Client;
        import software.amazon.awssdk.services.s3.S3ClientBuilder;
        class EmrEvents {
          private final SqsClient sqs;
          EmrEvents(SqsClient sqs, S3Client lake) {
            this.sqs = sqs;
            lake
                .listObjectsV2Paginator(r -> r.bucket("b"))
                .contents();
            Runnable r = sqs::close;
          }
          void poll() {
            sqs.receiveMessage(r -> r.waitTimeSeconds(20)).messages().forEach(this::handle);
            sqs.deleteMessageBatch(r -> r.queueUrl("q"));
          }
        }
        """;

    List<SdkCalls.Call> calls = SdkCalls.in("EmrEvents.java", source);

    assertThat(calls)
        .extracting(SdkCalls.Call::method)
        .containsExactlyInAnyOrder(
            "receiveMessage", "deleteMessageBatch", "listObjectsV2Paginator");
    Set<String> actions =
        calls.stream().flatMap(c -> SdkCalls.actions(c).stream()).collect(Collectors.toSet());
    assertThat(actions)
        .containsExactlyInAnyOrder("sqs:ReceiveMessage", "sqs:DeleteMessage", "s3:ListBucket");
  }

  @Test
  void anOperationIsNamedAfterItsCallUnlessIamSaysOtherwise() {
    assertThat(SdkCalls.actions(new SdkCalls.Call("F", "emr", "listClustersPaginator")))
        .containsExactly("elasticmapreduce:ListClusters");
    assertThat(SdkCalls.actions(new SdkCalls.Call("F", "emr", "runJobFlow")))
        .containsExactlyInAnyOrder("elasticmapreduce:RunJobFlow", "iam:PassRole");
    assertThat(SdkCalls.actions(new SdkCalls.Call("F", "dynamodb", "transactWriteItems")))
        .contains("dynamodb:ConditionCheckItem", "dynamodb:PutItem");
  }

  @Test
  void aServiceWithoutAKnownIamPrefixFailsLoudly() {
    String source =
        """
        import software.amazon.awssdk.services.glue.GlueClient;
        class Catalog { GlueClient glue; void f() { glue.getTable(r -> r.name("t")); } }
        """;
    SdkCalls.Call call = SdkCalls.in("Catalog.java", source).get(0);
    assertThatThrownBy(() -> SdkCalls.actions(call)).hasMessageContaining("glue");
  }
}
