package io.lakeops.jobs.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Secrets Manager as its API reference documents it, served by WireMock: {@code POST /} with {@code
 * X-Amz-Target: secretsmanager.GetSecretValue} and an {@code application/x-amz-json-1.1} body
 * {@code {"SecretId":…}}; the answer {@code {"ARN","Name","VersionId","SecretString",…}}, an error
 * {@code {"__type":"ResourceNotFoundException","Message":…}} with status 400. No Secrets Manager
 * emulator runs here: these are recorded exchanges, not the service.
 */
public final class RecordedSecretsManager implements AutoCloseable {
  static final String TARGET = "secretsmanager.GetSecretValue";
  private static final String JSON_1_1 = "application/x-amz-json-1.1";

  private final WireMockServer server = new WireMockServer(options().dynamicPort());

  public RecordedSecretsManager() {
    server.start();
    // A call no stub expects fails loudly instead of hanging or passing by accident.
    server.stubFor(
        any(anyUrl())
            .atPriority(10)
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", JSON_1_1)
                    .withBody(
                        "{\"__type\":\"InvalidRequestException\",\"Message\":\"unexpected call\"}")));
  }

  public URI endpoint() {
    return URI.create(server.baseUrl());
  }

  /** Answers GetSecretValue for {@code secretId} (a name or an ARN) with a secret string. */
  public void secret(String secretId, String name, String secretString) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("ARN", "arn:aws:secretsmanager:us-east-1:123456789012:secret:" + name + "-AbCdEf");
    body.put("Name", name);
    body.put("VersionId", "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111");
    body.put("SecretString", secretString);
    body.putArray("VersionStages").add("AWSCURRENT");
    body.put("CreatedDate", 1.523477145713E9);
    answer(secretId, 200, body.toString());
  }

  /** Answers GetSecretValue for {@code secretId} with an error of AWS's {@code type}. */
  public void error(String secretId, String type, String message) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("__type", type);
    body.put("Message", message);
    answer(secretId, 400, body.toString());
  }

  private void answer(String secretId, int status, String body) {
    server.stubFor(
        post(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo(TARGET))
            .withRequestBody(matchingJsonPath("$.SecretId", equalTo(secretId)))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", JSON_1_1)
                    .withBody(body)));
  }

  /** GetSecretValue requests that named {@code secretId}, as the service received them. */
  public RequestPatternBuilder requestsFor(String secretId) {
    return postRequestedFor(urlEqualTo("/"))
        .withHeader("X-Amz-Target", equalTo(TARGET))
        .withHeader("Content-Type", equalTo(JSON_1_1))
        .withRequestBody(matchingJsonPath("$.SecretId", equalTo(secretId)));
  }

  public int count(RequestPatternBuilder requests) {
    return server.countRequestsMatching(requests.build()).getCount();
  }

  /** A client of this server with fixed credentials; the region is the one asked for. */
  public SecretsManagerClient client(Optional<String> region) {
    return SecretsManagerClient.builder()
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .endpointOverride(endpoint())
        .region(Region.of(region.orElse("us-east-1")))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
        .build();
  }

  @Override
  public void close() {
    server.stop();
  }
}
