package io.lakeops.adapters.emr;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * Recorded exchanges of CloudWatch's Smithy RPC v2 CBOR protocol, which AWS SDK for Java 2.57
 * speaks to it: {@code POST /service/GraniteServiceVersion20100801/operation/<Operation>}, header
 * {@code smithy-protocol: rpc-v2-cbor}, CBOR bodies, timestamps as CBOR tag 1 (epoch seconds).
 * Never a real AWS account.
 */
final class CloudWatchStubs {
  static final String GET_METRIC_DATA =
      "/service/GraniteServiceVersion20100801/operation/GetMetricData";
  private static final CBORMapper CBOR = new CBORMapper();

  private CloudWatchStubs() {}

  static MappingBuilder getMetricData() {
    return post(urlEqualTo(GET_METRIC_DATA)).withHeader("smithy-protocol", equalTo("rpc-v2-cbor"));
  }

  static RequestPatternBuilder getMetricDataRequested() {
    return postRequestedFor(urlEqualTo(GET_METRIC_DATA));
  }

  /** A request body as a tree, to assert what it carries. */
  static JsonNode body(byte[] cbor) {
    try {
      return CBOR.readTree(cbor);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One query's answer: its id and its points, newest first. */
  record Result(String id, List<Instant> timestamps, List<Double> values) {}

  /** A GetMetricData answer with these results. */
  static ResponseDefinitionBuilder answer(Result... results) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CBORGenerator g = new CBORFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeFieldName("MetricDataResults");
      g.writeStartArray();
      for (Result r : results) {
        g.writeStartObject();
        g.writeStringField("Id", r.id());
        g.writeStringField("Label", r.id());
        g.writeFieldName("Timestamps");
        g.writeStartArray();
        for (Instant t : r.timestamps()) {
          g.writeTag(1); // epoch-based date/time
          g.writeNumber(t.getEpochSecond() + t.getNano() / 1e9);
        }
        g.writeEndArray();
        g.writeFieldName("Values");
        g.writeStartArray();
        for (double v : r.values()) {
          g.writeNumber(v);
        }
        g.writeEndArray();
        g.writeStringField("StatusCode", "Complete");
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeFieldName("Messages");
      g.writeStartArray();
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return cbor(200, out.toByteArray());
  }

  /** CloudWatch's error shape in RPC v2 CBOR. */
  static ResponseDefinitionBuilder error(int status, String type, String message) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CBORGenerator g = new CBORFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("__type", type);
      g.writeStringField("message", message);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return cbor(status, out.toByteArray());
  }

  private static ResponseDefinitionBuilder cbor(int status, byte[] body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/cbor")
        .withHeader("smithy-protocol", "rpc-v2-cbor")
        .withBody(body);
  }
}
