package io.lakeops.adapters.sqs;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.lakeops.adapters.sqs.SqsStubs.QUEUE;
import static io.lakeops.adapters.sqs.SqsStubs.event;
import static io.lakeops.adapters.sqs.SqsStubs.messages;
import static io.lakeops.adapters.sqs.SqsStubs.ok;
import static io.lakeops.adapters.sqs.SqsStubs.operation;
import static io.lakeops.adapters.sqs.SqsStubs.requested;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.lakeops.domain.ClusterState;
import io.lakeops.ports.ClusterSignal;
import io.lakeops.ports.ClusterSignals;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/** EMR's events from an SQS queue, against recorded exchanges of SQS's JSON protocol. */
class SqsClusterSignalsTest {
  @RegisterExtension
  static final WireMockExtension SQS =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @BeforeEach
  void stubs() {
    SqsStubs.noStubFailsLoudly(SQS);
    SQS.stubFor(operation("DeleteMessage").willReturn(ok("{}")));
  }

  @Test
  void aLongPollReadsClusterAndFleetEventsAndDeletesOnlyOnceHandled() {
    SQS.stubFor(
        operation("ReceiveMessage")
            .withRequestBody(
                equalToJson(
                    "{\"QueueUrl\":\""
                        + QUEUE
                        + "\",\"MaxNumberOfMessages\":10,\"WaitTimeSeconds\":20}",
                    true,
                    true))
            .willReturn(
                ok(
                    messages(
                        "r-death", event("cluster-terminated-with-errors"),
                        "r-fleet", event("fleet-resizing")))));
    try (ClusterSignals signals = SqsStubs.signals(SQS, Duration.ofSeconds(20))) {
      ClusterSignals.Batch batch = signals.receive();

      assertThat(batch.garbage()).isZero();
      assertThat(batch.signals()).hasSize(2);
      ClusterSignal death = batch.signals().get(0);
      assertThat(death.providerId()).isEqualTo("j-2AXXXXXXGAPLF");
      assertThat(death.claimed()).isEqualTo(ClusterState.FAILED);
      assertThat(death.claimsAnEnd()).isTrue();
      assertThat(death.at()).isEqualTo(Instant.parse("2026-11-26T12:05:02Z"));
      assertThat(death.what()).contains("INSTANCE_FAILURE: Instance i-0abc", "Spot capacity");
      ClusterSignal fleet = batch.signals().get(1);
      assertThat(fleet.claimed()).as("a fleet says nothing of the cluster's state").isNull();
      assertThat(fleet.what()).contains("if-1B2C3D4E5F6G", "RESIZING");
      SQS.verify(0, requested("DeleteMessage"));

      signals.handled(death);

      SQS.verify(
          1,
          requested("DeleteMessage")
              .withHeader("Content-Type", equalTo(SqsStubs.JSON))
              .withRequestBody(matchingJsonPath("$.QueueUrl", equalTo(QUEUE)))
              .withRequestBody(matchingJsonPath("$.ReceiptHandle", equalTo("r-death"))));
    }
  }

  @Test
  void garbageAndOtherEventsAreDeletedAtOnceAndCountedWithoutStoppingTheBatch() {
    SQS.stubFor(
        operation("ReceiveMessage")
            .willReturn(
                ok(
                    messages(
                        "r-text", "hello, queue",
                        "r-array", "[1,2]",
                        "r-no-id", event("cluster-without-id"),
                        "r-step", event("step-status-change"),
                        "r-running", event("cluster-running")))));
    try (ClusterSignals signals = SqsStubs.signals(SQS, Duration.ofSeconds(1))) {
      ClusterSignals.Batch batch = signals.receive();

      assertThat(batch.garbage()).isEqualTo(3);
      assertThat(batch.ignored()).isEqualTo(1);
      assertThat(batch.signals())
          .singleElement()
          .satisfies(s -> assertThat(s.claimed()).isEqualTo(ClusterState.READY));
      for (String gone : new String[] {"r-text", "r-array", "r-no-id", "r-step"}) {
        SQS.verify(
            1,
            requested("DeleteMessage")
                .withRequestBody(matchingJsonPath("$.ReceiptHandle", equalTo(gone))));
      }
      SQS.verify(
          0,
          requested("DeleteMessage")
              .withRequestBody(matchingJsonPath("$.ReceiptHandle", equalTo("r-running"))));
      SQS.verify(
          requested("ReceiveMessage")
              .withRequestBody(matchingJsonPath("$.WaitTimeSeconds", equalTo("1"))));
    }
  }

  @Test
  void anEmptyLongPollIsAnEmptyBatch() {
    SQS.stubFor(operation("ReceiveMessage").willReturn(ok("{}")));
    try (ClusterSignals signals = SqsStubs.signals(SQS, Duration.ZERO)) {
      assertThat(signals.receive().signals()).isEmpty();
    }
  }

  @Test
  void aQueueThatDoesNotExistIsSqsTypedError() {
    SQS.stubFor(
        operation("ReceiveMessage")
            .willReturn(
                SqsStubs.error(
                    "com.amazonaws.sqs#QueueDoesNotExist", "The specified queue does not exist.")));
    try (ClusterSignals signals = SqsStubs.signals(SQS, Duration.ZERO)) {
      assertThatThrownBy(signals::receive).isInstanceOf(QueueDoesNotExistException.class);
    }
  }

  @Test
  void aLongPollLongerThanSqsAllowsIsRefusedNamingTheKey() {
    assertThatThrownBy(() -> SqsStubs.signals(SQS, Duration.ofSeconds(21)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lakeops.clusters.events.receive-wait");
  }
}
