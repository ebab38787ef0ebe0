package io.lakeops.adapters.sqs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Exchanges of SQS's JSON protocol, as AWS SDK for Java 2.57 speaks it ({@code POST /} with {@code
 * X-Amz-Target: AmazonSQS.<Operation>} and {@code Content-Type: application/x-amz-json-1.0}), in
 * WireMock: never a real queue. Message bodies are EventBridge's events of EMR (the JSON files in
 * {@code emr-events/}), each with the MD5 of its body that SQS sends and the SDK checks. Anything
 * without a stub gets SQS's error shape, so a missing stub fails loudly.
 */
public final class SqsStubs {
  public static final String JSON = "application/x-amz-json-1.0";
  public static final String QUEUE =
      "https://sqs.us-east-1.amazonaws.com/123456789012/lakeops-emr-events";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SqsStubs() {}

  public static void noStubFailsLoudly(WireMockExtension sqs) {
    sqs.stubFor(
        any(anyUrl())
            .atPriority(100)
            .willReturn(error("com.amazonaws.sqs#InvalidAddress", "no stub for this request")));
  }

  public static MappingBuilder operation(String name) {
    return post(urlEqualTo("/"))
        .withHeader("X-Amz-Target", equalTo("AmazonSQS." + name))
        .withHeader("Content-Type", equalTo(JSON));
  }

  public static RequestPatternBuilder requested(String name) {
    return postRequestedFor(urlEqualTo("/"))
        .withHeader("X-Amz-Target", equalTo("AmazonSQS." + name));
  }

  public static ResponseDefinitionBuilder ok(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", JSON).withBody(body);
  }

  public static ResponseDefinitionBuilder error(String type, String message) {
    return aResponse()
        .withStatus(400)
        .withHeader("Content-Type", JSON)
        .withHeader("x-amzn-query-error", "AWS.SimpleQueueService.NonExistentQueue;Sender")
        .withBody("{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}");
  }

  /** ReceiveMessage's answer: one message per {@code receipt, body} pair. */
  public static String messages(String... receiptsAndBodies) {
    ObjectNode answer = MAPPER.createObjectNode();
    ArrayNode list = answer.putArray("Messages");
    for (int i = 0; i < receiptsAndBodies.length; i += 2) {
      String body = receiptsAndBodies[i + 1];
      list.addObject()
          .put("MessageId", "0c9e1f7a-0000-4000-8000-00000000000" + i / 2)
          .put("ReceiptHandle", receiptsAndBodies[i])
          .put("MD5OfBody", md5(body))
          .put("Body", body);
    }
    return answer.toString();
  }

  /** An event from {@code emr-events/}, as EventBridge puts it in the message body. */
  public static String event(String name) {
    try (InputStream in = SqsStubs.class.getResourceAsStream("/emr-events/" + name + ".json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * An empty queue: each ReceiveMessage answers no message after {@code longPoll} (SQS's long poll,
   * shortened), DeleteMessage answers, anything else fails loudly.
   */
  public static void emptyQueue(WireMockExtension sqs, Duration longPoll) {
    noStubFailsLoudly(sqs);
    sqs.stubFor(operation("DeleteMessage").willReturn(ok("{}")));
    sqs.stubFor(
        operation("ReceiveMessage")
            .atPriority(5)
            .willReturn(ok("{}").withFixedDelay((int) longPoll.toMillis())));
  }

  /**
   * The next receive gets EventBridge's event of j-1 ending with errors (a spot loss), sent now,
   * with receipt handle {@code receipt}; the receives after it are empty again.
   */
  public static void deliverTheSpotLossOnce(WireMockExtension sqs, String receipt) {
    String event =
        event("cluster-terminated-with-errors")
            .replace("j-2AXXXXXXGAPLF", "j-1")
            .replace("2026-11-26T12:05:02Z", Instant.now().toString());
    sqs.stubFor(
        operation("ReceiveMessage")
            .atPriority(1)
            .inScenario("event")
            .whenScenarioStateIs(Scenario.STARTED)
            .willSetStateTo("delivered")
            .willReturn(ok(messages(receipt, event))));
  }

  public static SqsClusterSignals signals(WireMockExtension sqs, Duration wait) {
    return new SqsClusterSignals(
        SqsClients.builder(Optional.of("us-east-1"), Optional.of(URI.create(sqs.baseUrl())))
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .build(),
        QUEUE,
        wait);
  }

  private static String md5(String body) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("MD5").digest(body.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
