package io.lakeops.adapters.livy;

import io.lakeops.ports.SubmissionRejectedException;
import io.lakeops.ports.SubmitterUnavailableException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;

/**
 * Classifies what goes wrong in a call to Livy: unreachable, timed out or a server error is {@link
 * SubmitterUnavailableException} (retryable, counts against the endpoint's circuit breaker); any
 * other client error is {@link SubmissionRejectedException}; a 404 is {@link NotFound}, which each
 * operation turns into its own answer (UNKNOWN, an empty log, nothing to kill).
 */
final class LivyFailures {
  private static final String DUPLICATE_NAME = "Duplicate session name";

  private LivyFailures() {}

  static <T> T classify(String endpoint, String what, Supplier<T> call) {
    try {
      return call.get();
    } catch (WebApplicationException e) {
      throw fromStatus(endpoint, what, e.getResponse());
    } catch (ProcessingException e) {
      throw new SubmitterUnavailableException(
          "Livy at " + endpoint + " unreachable (" + what + "): " + rootMessage(e), e);
    } catch (NotFound | SubmissionRejectedException | SubmitterUnavailableException e) {
      throw e;
    } catch (RuntimeException e) {
      // An answer the client could not read: a proxy's HTML page, a half-written body.
      throw new SubmitterUnavailableException(
          "Livy at " + endpoint + " gave an unreadable answer (" + what + "): " + e, e);
    }
  }

  private static RuntimeException fromStatus(String endpoint, String what, Response response) {
    int status = response.getStatus();
    String message = livyMessage(response);
    if (status == 404) {
      return new NotFound(what + ": " + message);
    }
    // 408 and 429 come from proxies in front of Livy and mean "later", not "never".
    if (status >= 500 || status == 408 || status == 429) {
      return new SubmitterUnavailableException(
          "Livy at " + endpoint + " answered HTTP " + status + " (" + what + "): " + message, null);
    }
    String text = "Livy at " + endpoint + " refused " + what + " (HTTP " + status + "): " + message;
    return message.contains(DUPLICATE_NAME)
        ? new DuplicateName(text)
        : new SubmissionRejectedException(text);
  }

  /** Livy's error bodies are {@code {"msg": "…"}}. */
  private static String livyMessage(Response response) {
    try {
      String body = response.readEntity(String.class);
      if (body == null || body.isBlank()) {
        return response.getStatusInfo().getReasonPhrase();
      }
      String trimmed = body.strip();
      int start = trimmed.indexOf("\"msg\"");
      if (trimmed.startsWith("{") && start >= 0) {
        int open = trimmed.indexOf('"', trimmed.indexOf(':', start) + 1);
        int close = trimmed.lastIndexOf('"');
        if (open >= 0 && close > open) {
          return trimmed.substring(open + 1, close);
        }
      }
      return trimmed.length() > 500 ? trimmed.substring(0, 500) + "…" : trimmed;
    } catch (RuntimeException e) {
      return response.getStatusInfo().getReasonPhrase();
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  /** Livy does not know the batch (never had it, forgot it after its retention time, restarted). */
  static final class NotFound extends RuntimeException {
    NotFound(String message) {
      super(message, null, false, false);
    }
  }

  /** Livy already has a batch of this name: for a submit, the earlier attempt got through. */
  static final class DuplicateName extends SubmissionRejectedException {
    DuplicateName(String message) {
      super(message);
    }
  }

  /** The endpoint's breaker is open: unavailable, and not worth retrying until it half-opens. */
  static final class CircuitOpen extends SubmitterUnavailableException {
    CircuitOpen(String endpoint, Throwable cause) {
      super("Livy at " + endpoint + " failed repeatedly; calls are paused (circuit open)", cause);
    }
  }
}
