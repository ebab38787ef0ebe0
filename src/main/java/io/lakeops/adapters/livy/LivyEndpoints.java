package io.lakeops.adapters.livy;

import io.lakeops.ports.SubmitterUnavailableException;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.Guard;
import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * One REST client and one circuit breaker per Livy endpoint (that is, per cluster), made on first
 * use and kept: a breaker must remember failures across calls, and a client keeps its connections.
 */
final class LivyEndpoints implements AutoCloseable {

  /** A cluster's Livy server as this console talks to it. */
  record Endpoint(String uri, LivyBatchesApi api, Guard breaker) {}

  private final ConcurrentMap<String, Endpoint> byUri = new ConcurrentHashMap<>();
  private final LivySettings settings;

  LivyEndpoints(LivySettings settings) {
    this.settings = settings;
  }

  Endpoint get(String endpoint) {
    return byUri.computeIfAbsent(normalize(endpoint), this::create);
  }

  /** The same server however the caller spelled it ({@code http://h:8998/} or without slash). */
  static String normalize(String endpoint) {
    String e = endpoint == null ? "" : endpoint.strip();
    while (e.endsWith("/")) {
      e = e.substring(0, e.length() - 1);
    }
    return e;
  }

  private Endpoint create(String uri) {
    URI base;
    try {
      base = URI.create(uri);
    } catch (IllegalArgumentException e) {
      throw new SubmitterUnavailableException("not a Livy endpoint: '" + uri + "'", e);
    }
    LivyBatchesApi api =
        QuarkusRestClientBuilder.newBuilder()
            .baseUri(base)
            .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .build(LivyBatchesApi.class);
    // Only unavailability opens the breaker: a 404 or a refused request says Livy is answering.
    Guard breaker =
        Guard.create()
            .withDescription("Livy " + uri)
            .withCircuitBreaker()
            .requestVolumeThreshold(settings.breakerVolume())
            .failureRatio(settings.breakerFailureRatio())
            .delay(settings.breakerDelay().toMillis(), ChronoUnit.MILLIS)
            .successThreshold(settings.breakerSuccesses())
            .failOn(SubmitterUnavailableException.class)
            .done()
            .build();
    return new Endpoint(uri, api, breaker);
  }

  @Override
  public void close() {
    byUri.values().forEach(e -> e.api().close());
    byUri.clear();
  }
}
