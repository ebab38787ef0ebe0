package io.lakeops.web.errors;

import io.lakeops.control.jobs.FieldError;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** Builds error answers: JSON for the API, an escaped HTML page for the console. */
@ApplicationScoped
public class ErrorResponses {

  @CheckedTemplate(basePath = "ErrorPages")
  static class Templates {
    static native TemplateInstance error(ApiError error);
  }

  static boolean isApi(UriInfo uri) {
    String path = uri.getPath();
    return path.equals("/api") || path.startsWith("/api/");
  }

  public Response of(UriInfo uri, int status, String message, List<FieldError> fields) {
    ApiError body = ApiError.of(status, message, fields);
    if (isApi(uri)) {
      return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .entity(Templates.error(body))
        .build();
  }
}
