package io.lakeops.web.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.lakeops.control.actions.ActionRefusedException;
import io.lakeops.control.jobs.FieldError;
import io.lakeops.control.jobs.InvalidDefinitionException;
import io.lakeops.domain.IllegalTransitionException;
import io.lakeops.ports.AlreadyExistsException;
import io.lakeops.ports.NotFoundException;
import io.lakeops.ports.VersionConflictException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.AuthenticationRedirectException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into one answer shape: an {@link ApiError} body under {@code /api}, an error
 * page for the console. Nothing internal (stack traces, SQL) leaves the server.
 */
class ErrorMappers {
  private static final Logger LOG = Logger.getLogger(ErrorMappers.class);
  private static final String REALM = "Basic realm=\"Lakeops\"";

  private final ErrorResponses responses;

  ErrorMappers(ErrorResponses responses) {
    this.responses = responses;
  }

  @ServerExceptionMapper
  Response invalidDefinition(InvalidDefinitionException e, UriInfo uri) {
    return responses.of(uri, 400, "the job definition is invalid", e.errors());
  }

  @ServerExceptionMapper
  Response badParameter(BadParameterException e, UriInfo uri) {
    return responses.of(uri, 400, e.getMessage(), List.of(new FieldError(e.field(), e.detail())));
  }

  @ServerExceptionMapper
  Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
    return json(e, uri);
  }

  @ServerExceptionMapper
  Response illegalArgument(IllegalArgumentException e, UriInfo uri) {
    return responses.of(uri, 400, e.getMessage(), List.of());
  }

  @ServerExceptionMapper
  Response notFound(NotFoundException e, UriInfo uri) {
    return responses.of(uri, 404, e.getMessage(), List.of());
  }

  /**
   * The request is fine but the record's current state refuses it: taken id, stale version, state
   * machine, an operator's action on a run or job in the wrong state.
   */
  @ServerExceptionMapper({
    AlreadyExistsException.class,
    VersionConflictException.class,
    IllegalTransitionException.class,
    ActionRefusedException.class
  })
  Response conflict(RuntimeException e, UriInfo uri) {
    return responses.of(uri, 409, e.getMessage(), List.of());
  }

  @ServerExceptionMapper
  Response preconditionRequired(PreconditionRequiredException e, UriInfo uri) {
    return responses.of(uri, 428, e.getMessage(), List.of());
  }

  @ServerExceptionMapper
  Response tooLarge(PayloadTooLargeException e, UriInfo uri) {
    return responses.of(uri, 413, e.getMessage(), List.of());
  }

  @ServerExceptionMapper
  Response unauthorized(UnauthorizedException e, UriInfo uri) {
    return unauthenticated(uri);
  }

  @ServerExceptionMapper
  Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
    return unauthenticated(uri);
  }

  @ServerExceptionMapper
  Response authenticationCompletion(AuthenticationCompletionException e, UriInfo uri) {
    return unauthenticated(uri);
  }

  @ServerExceptionMapper
  Response authenticationRedirect(AuthenticationRedirectException e) {
    return Response.status(e.getCode()).location(URI.create(e.getRedirectUri())).build();
  }

  @ServerExceptionMapper
  Response forbidden(ForbiddenException e, UriInfo uri) {
    return responses.of(uri, 403, "your role does not allow this", List.of());
  }

  @ServerExceptionMapper
  Response webApplication(WebApplicationException e, UriInfo uri) {
    if (e.getCause() instanceof JsonProcessingException json) {
      return json(json, uri);
    }
    Response given = e.getResponse();
    if (given.getStatus() < 400) {
      return given;
    }
    String message = given.getStatus() == 404 ? "there is nothing here" : e.getMessage();
    return responses.of(uri, given.getStatus(), message, List.of());
  }

  @ServerExceptionMapper
  Response unexpected(Exception e, UriInfo uri) {
    LOG.errorf(e, "Unexpected failure serving %s", uri.getPath());
    return responses.of(uri, 500, "the console failed to answer; see its log", List.of());
  }

  private Response unauthenticated(UriInfo uri) {
    if (!ErrorResponses.isApi(uri)) {
      return Response.seeOther(URI.create("/login")).build();
    }
    return Response.fromResponse(responses.of(uri, 401, "log in first (HTTP Basic)", List.of()))
        .header(HttpHeaders.WWW_AUTHENTICATE, REALM)
        .build();
  }

  private Response json(JsonProcessingException e, UriInfo uri) {
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      FieldError field = JsonErrors.fieldError(mapping);
      return responses.of(uri, 400, field.field() + " " + field.message(), List.of(field));
    }
    return responses.of(
        uri,
        400,
        "the body is not valid JSON",
        List.of(new FieldError("body", "is not valid JSON")));
  }
}
