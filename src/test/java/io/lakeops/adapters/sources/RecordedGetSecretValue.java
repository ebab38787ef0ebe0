package io.lakeops.adapters.sources;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.Map;

/**
 * Secrets Manager's GetSecretValue as its API reference documents it (JSON 1.1: {@code POST /},
 * {@code X-Amz-Target: secretsmanager.GetSecretValue}, errors as {@code {"__type","Message"}} with
 * status 400), served by WireMock: recorded exchanges, not the service. One server for the JVM,
 * whose address the SDK finds in its own {@code aws.endpointUrlSecretsManager} system property
 * (with fixed credentials and region), since the console's client is made once; tests name secrets
 * of their own.
 */
final class RecordedGetSecretValue {
  private static final String TARGET = "secretsmanager.GetSecretValue";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static RecordedGetSecretValue shared;

  private final WireMockServer server = new WireMockServer(options().dynamicPort());

  private RecordedGetSecretValue() {
    server.start();
    System.setProperty("aws.endpointUrlSecretsManager", server.baseUrl());
    System.setProperty("aws.region", "us-east-1");
    System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
    System.setProperty("aws.secretAccessKey", "not-a-real-key");
  }

  static synchronized RecordedGetSecretValue shared() {
    if (shared == null) {
      shared = new RecordedGetSecretValue();
    }
    return shared;
  }

  void answer(String secretId, String secretString) throws Exception {
    Map<String, String> body =
        Map.of(
            "ARN", "arn:aws:secretsmanager:us-east-1:123456789012:secret:" + secretId + "-AbCdEf",
            "Name", secretId,
            "SecretString", secretString);
    stub(secretId, 200, JSON.writeValueAsString(body));
  }

  void fail(String secretId, String type) throws Exception {
    stub(secretId, 400, JSON.writeValueAsString(Map.of("__type", type, "Message", type)));
  }

  /** How many GetSecretValue requests named {@code secretId}. */
  int requestsFor(String secretId) {
    return server
        .countRequestsMatching(
            postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(TARGET))
                .withRequestBody(matchingJsonPath("$.SecretId", equalTo(secretId)))
                .build())
        .getCount();
  }

  private void stub(String secretId, int status, String body) {
    server.stubFor(
        post(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo(TARGET))
            .withRequestBody(matchingJsonPath("$.SecretId", equalTo(secretId)))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/x-amz-json-1.1")
                    .withBody(body)));
  }
}
