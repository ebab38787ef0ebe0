package io.lakeops.web.errors;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.lakeops.control.jobs.FieldError;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The one body of every API error: the status, its reason phrase, a message for people, and, when
 * the input was at fault, each bad field by its path ({@code extraction.table}).
 */
@Schema(name = "Error", description = "The body of every 4xx and 5xx answer of the API")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(int status, String error, String message, List<FieldError> fields) {

  public static ApiError of(int status, String message) {
    return of(status, message, List.of());
  }

  public static ApiError of(int status, String message, List<FieldError> fields) {
    Response.Status known = Response.Status.fromStatusCode(status);
    String phrase = known == null ? reasonPhrase(status) : known.getReasonPhrase();
    return new ApiError(status, phrase, message, List.copyOf(fields));
  }

  private static String reasonPhrase(int status) {
    return switch (status) {
      case 413 -> "Content Too Large";
      case 422 -> "Unprocessable Content";
      case 428 -> "Precondition Required";
      default -> status < 500 ? "Client Error" : "Server Error";
    };
  }
}
