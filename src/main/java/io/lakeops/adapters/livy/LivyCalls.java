package io.lakeops.adapters.livy;

import io.lakeops.ports.SubmitterUnavailableException;
import io.smallrye.faulttolerance.api.Guard;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Runs calls to Livy with the fault tolerance each needs. Every call goes through its endpoint's
 * circuit breaker; idempotent ones are also retried with exponential backoff while the endpoint is
 * unavailable. Retries stop at once when the breaker is open: the endpoint is known to be down.
 */
final class LivyCalls {
  private final LivyEndpoints endpoints;
  private final Guard retry;

  LivyCalls(LivyEndpoints endpoints, LivySettings settings) {
    this.endpoints = endpoints;
    long delay = settings.retryDelay().toMillis();
    this.retry =
        Guard.create()
            .withRetry()
            .maxRetries(settings.maxRetries())
            .delay(delay, ChronoUnit.MILLIS)
            // Jitter spreads the retries of many runs polling one recovering cluster.
            .jitter(Math.max(1, delay / 4), ChronoUnit.MILLIS)
            .retryOn(SubmitterUnavailableException.class)
            .abortOn(LivyFailures.CircuitOpen.class)
            .withExponentialBackoff()
            .factor(2)
            .maxDelay(Math.max(delay, settings.retryMaxDelay().toMillis()), ChronoUnit.MILLIS)
            .done()
            .done()
            .build();
  }

  /** An idempotent call (GET, DELETE): retried while the endpoint is unavailable. */
  <T> T read(String endpoint, String what, Function<LivyBatchesApi, T> call) {
    return retrying(() -> once(endpoint, what, call));
  }

  /** Repeats {@code attempt} while it fails as unavailable; the attempt decides what is safe. */
  <T> T retrying(Supplier<T> attempt) {
    return retry.get(attempt, anyType());
  }

  /** One call through the endpoint's breaker, never repeated here. */
  <T> T once(String endpoint, String what, Function<LivyBatchesApi, T> call) {
    LivyEndpoints.Endpoint e = endpoints.get(endpoint);
    try {
      return e.breaker()
          .get(() -> LivyFailures.classify(e.uri(), what, () -> call.apply(e.api())), anyType());
    } catch (CircuitBreakerOpenException open) {
      throw new LivyFailures.CircuitOpen(e.uri(), open);
    }
  }

  /** Guards only look at the type to tell synchronous from asynchronous calls; these are sync. */
  @SuppressWarnings("unchecked")
  private static <T> Class<T> anyType() {
    return (Class<T>) Object.class;
  }
}
