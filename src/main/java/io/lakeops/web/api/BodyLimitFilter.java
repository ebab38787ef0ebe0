package io.lakeops.web.api;

import io.lakeops.web.errors.PayloadTooLargeException;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a request body above {@code lakeops.web.max-body-size} before it is read, so the answer
 * has the API's error shape; {@code quarkus.http.limits.max-body-size} stays the hard outer limit.
 */
class BodyLimitFilter {
  private final long limit;

  BodyLimitFilter(
      @ConfigProperty(name = "lakeops.web.max-body-size", defaultValue = "64K") MemorySize limit) {
    this.limit = limit.asLongValue();
  }

  @ServerRequestFilter(preMatching = true)
  void check(ContainerRequestContext request) {
    if (request.getLength() > limit) {
      throw new PayloadTooLargeException(limit);
    }
  }
}
