package io.lakeops.web.api;

import io.lakeops.web.errors.BadParameterException;
import io.lakeops.web.errors.PreconditionRequiredException;
import jakarta.ws.rs.core.EntityTag;

/**
 * Optimistic concurrency over HTTP: a job's version travels as its ETag, and a change must send it
 * back in {@code If-Match} (quoted or not) so that it never overwrites a change it has not seen.
 */
final class Versions {
  static final String IF_MATCH = "If-Match";

  private Versions() {}

  static EntityTag tag(long version) {
    return new EntityTag(Long.toString(version));
  }

  static long required(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw new PreconditionRequiredException(
          "send the version you read in an If-Match header (the job's ETag or its version field)");
    }
    String v = ifMatch.trim();
    if (v.startsWith("W/")) {
      v = v.substring(2);
    }
    if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
      v = v.substring(1, v.length() - 1);
    }
    if (!v.matches("[0-9]{1,18}")) {
      throw new BadParameterException(IF_MATCH, "must be the version number of the job");
    }
    return Long.parseLong(v);
  }
}
