package io.lakeops.adapters.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Dummy credentials only for servers on this machine, never for an AWS endpoint. */
class LoopbackEndpointsTest {

  @Test
  void onlyLoopbackEndpointsCountAsLocal() {
    assertThat(LoopbackEndpoints.isLoopback(URI.create("http://127.0.0.1:4567"))).isTrue();
    assertThat(LoopbackEndpoints.isLoopback(URI.create("http://localhost:8000"))).isTrue();
    assertThat(LoopbackEndpoints.isLoopback(URI.create("http://[::1]:8000"))).isTrue();
    assertThat(LoopbackEndpoints.isLoopback(URI.create("https://dynamodb.eu-west-1.amazonaws.com")))
        .isFalse();
    assertThat(
            LoopbackEndpoints.isLoopback(
                URI.create("https://vpce-0abc-xyz.dynamodb.eu-west-1.vpce.amazonaws.com")))
        .isFalse();
    assertThat(LoopbackEndpoints.isLoopback(URI.create("http://10.0.0.5:8000"))).isFalse();
  }
}
